import { DeskApi, type Macro, type MacroRequest } from '../api/desk';
import { useApi } from '../api/useTicketApi';
import { Field } from '../ui/Field';
import { Manager } from './Manager';
import {
  ACTION_FIELDS,
  ActionsFields,
  NameField,
  actionsForm,
  actionsOf,
  summarise,
  useDeskPeople,
  type ActionsForm,
} from './ruleFields';

interface MacroForm {
  name: string;
  actions: ActionsForm;
  reply: string;
  internal: boolean;
}

const PLACEHOLDERS =
  'Placeholders: {{ticket.id}}, {{ticket.subject}}, {{ticket.status}}, {{ticket.priority}}, {{ticket.category}}, ' +
  '{{requester.name}}, {{requester.email}}, {{agent.name}}, {{agent.email}}.';

/** Macros (GET/POST/PUT/DELETE /api/admin/macros): ticket changes and a reply agents apply in one click. */
export function Macros() {
  const api = useApi(DeskApi);
  const { groups } = useDeskPeople();
  return (
    <Manager<Macro, MacroRequest, MacroForm>
      title="Macros"
      noun="macro"
      collection={api.macros}
      empty="No macros yet. A macro changes a ticket and can add a reply, in one click."
      blank={{ name: '', actions: actionsForm(undefined), reply: '', internal: false }}
      toForm={(macro) => ({
        name: macro.name,
        actions: actionsForm(macro.actions),
        reply: macro.reply?.body ?? '',
        internal: macro.reply?.internal ?? false,
      })}
      toRequest={(form) => {
        const actions = actionsOf(form.actions);
        return {
          name: form.name.trim(),
          ...(Object.keys(actions).length > 0 ? { actions } : {}),
          ...(form.reply.trim() ? { reply: { body: form.reply, internal: form.internal } } : {}),
        };
      }}
      summary={(macro) => (
        <span>
          {summarise(macro.actions, groups)}
          {macro.reply && (macro.reply.internal ? ' · adds an internal note' : ' · adds a public reply')}
        </span>
      )}
      shownFields={['name', 'reply.body', ...ACTION_FIELDS]}
      fields={(form, change, error) => (
        <>
          <NameField form={form} change={change} error={error} />
          <ActionsFields
            value={form.actions}
            onChange={(actions) => change({ ...form, actions })}
            error={error}
            groups={groups}
            withStatus
          />
          <Field label="Reply" name="reply.body" error={error} hint={PLACEHOLDERS}>
            {(props) => (
              <textarea
                {...props}
                rows={5}
                value={form.reply}
                onChange={(e) => change({ ...form, reply: e.target.value })}
              />
            )}
          </Field>
          <label>
            <input
              type="checkbox"
              checked={form.internal}
              onChange={(e) => change({ ...form, internal: e.target.checked })}
            />{' '}
            Add the reply as an internal note (only agents see it)
          </label>
        </>
      )}
    />
  );
}
