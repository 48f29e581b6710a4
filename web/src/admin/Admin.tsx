import { NavLink, Route, Routes } from 'react-router';
import { Agents } from './Agents';
import { AiModels } from './AiModels';
import { Import } from './Import';
import { ArticleEditor, KbArticles } from './KbAdmin';
import { Groups } from './Groups';
import { Macros } from './Macros';
import { Reports } from './Reports';
import { Sla } from './Sla';
import { Triggers } from './Triggers';

/**
 * The admin dashboard (`/admin/...`, ADMIN only; loaded lazily so the first screen stays small):
 * reports, agents, the knowledge base, CSV import, the assistant's model, and the desk's rules:
 * SLA (calendar and policies), groups, macros and triggers.
 */
export default function Admin() {
  return (
    <div className="admin">
      <h1>Admin</h1>
      <nav aria-label="Admin sections" className="views">
        <NavLink end to="/admin" className="button view">
          Reports
        </NavLink>
        <NavLink to="/admin/agents" className="button view">
          Agents
        </NavLink>
        <NavLink to="/admin/kb" className="button view">
          Knowledge base
        </NavLink>
        <NavLink to="/admin/import" className="button view">
          Import
        </NavLink>
        <NavLink to="/admin/ai" className="button view">
          Assistant model
        </NavLink>
        <NavLink to="/admin/sla" className="button view">
          SLA
        </NavLink>
        <NavLink to="/admin/groups" className="button view">
          Groups
        </NavLink>
        <NavLink to="/admin/macros" className="button view">
          Macros
        </NavLink>
        <NavLink to="/admin/triggers" className="button view">
          Triggers
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<Reports />} />
        <Route path="agents" element={<Agents />} />
        <Route path="kb" element={<KbArticles />} />
        <Route path="kb/new" element={<ArticleEditor />} />
        <Route path="kb/:id" element={<ArticleEditor />} />
        <Route path="import" element={<Import />} />
        <Route path="ai" element={<AiModels />} />
        <Route path="sla" element={<Sla />} />
        <Route path="groups" element={<Groups />} />
        <Route path="macros" element={<Macros />} />
        <Route path="triggers" element={<Triggers />} />
      </Routes>
    </div>
  );
}
