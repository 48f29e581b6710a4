import { NavLink, Route, Routes } from 'react-router';
import { Agents } from './Agents';
import { AiModels } from './AiModels';
import { Import } from './Import';
import { ArticleEditor, KbArticles } from './KbAdmin';
import { Reports } from './Reports';

/**
 * The admin dashboard (`/admin/...`, ADMIN only; loaded lazily so the first screen stays small):
 * reports, agents, the knowledge base, CSV import and the assistant's model.
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
      </nav>
      <Routes>
        <Route index element={<Reports />} />
        <Route path="agents" element={<Agents />} />
        <Route path="kb" element={<KbArticles />} />
        <Route path="kb/new" element={<ArticleEditor />} />
        <Route path="kb/:id" element={<ArticleEditor />} />
        <Route path="import" element={<Import />} />
        <Route path="ai" element={<AiModels />} />
      </Routes>
    </div>
  );
}
