import { DeskApi, ROUTING_MODES, type Group, type GroupRequest, type RoutingMode } from '../api/desk';
import { useApi } from '../api/useTicketApi';
import { Field } from '../ui/Field';
import { Manager } from './Manager';
import { Choices, NameField, useDeskPeople } from './ruleFields';

interface GroupForm {
  name: string;
  routing: RoutingMode;
  capacity: string;
  members: string[];
}

const ROUTING_LABELS: Record<RoutingMode, string> = {
  ROUND_ROBIN: 'Round robin (members in turn)',
  LEAST_LOADED: 'Least loaded (fewest open tickets)',
};

/** Agent groups (GET/POST/PUT/DELETE /api/admin/groups): routing, capacity and members. */
export function Groups() {
  const api = useApi(DeskApi);
  const { staff } = useDeskPeople();
  const names = (ids: string[]) =>
    ids.map((id) => staff.find((user) => user.id === id)?.name ?? 'a former agent').join(', ') || 'no members';
  return (
    <Manager<Group, GroupRequest, GroupForm>
      title="Groups"
      noun="group"
      collection={api.groups}
      empty="No groups yet. A group routes its tickets to its members."
      blank={{ name: '', routing: 'ROUND_ROBIN', capacity: '10', members: [] }}
      toForm={(group) => ({
        name: group.name,
        routing: group.routing,
        capacity: String(group.capacity),
        members: group.members,
      })}
      toRequest={(form) => ({ ...form, name: form.name.trim(), capacity: Number(form.capacity) })}
      summary={(group) => (
        <span>
          {ROUTING_LABELS[group.routing]} · at most {group.capacity} open tickets each · {names(group.members)}
        </span>
      )}
      shownFields={['name', 'routing', 'capacity', 'members']}
      fields={(form, change, error) => (
        <>
          <NameField form={form} change={change} error={error} />
          <Field label="Routing" name="routing" error={error}>
            {(props) => (
              <select
                {...props}
                value={form.routing}
                onChange={(e) => change({ ...form, routing: e.target.value as RoutingMode })}
              >
                {ROUTING_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {ROUTING_LABELS[mode]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Capacity"
            name="capacity"
            error={error}
            hint="The most open tickets routing gives each member (1–1000)."
          >
            {(props) => (
              <input
                {...props}
                type="number"
                min={1}
                max={1000}
                value={form.capacity}
                onChange={(e) => change({ ...form, capacity: e.target.value })}
              />
            )}
          </Field>
          <Choices
            legend="Members"
            name="members"
            options={[...new Set([...staff.map((user) => user.id), ...form.members])]}
            format={(id) => staff.find((user) => user.id === id)?.name ?? id}
            value={form.members}
            onChange={(members) => change({ ...form, members })}
            error={error}
          />
        </>
      )}
    />
  );
}
