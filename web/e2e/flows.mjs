// End-to-end run of the SPA against a running local platform (./deskflow up), in Debian's
// Chromium driven by playwright-core (no browser download). Usage: npm run e2e (docs/web.md);
// system-tests' BrowserFlowsTest runs it against the platform it starts.
// An admin publishes a help article in the dashboard's editor and imports solved tickets from CSV;
// a new customer signs up, and while describing a problem sees that article suggested (deflection),
// then raises the ticket anyway; an agent sees it arrive in the queue without reloading, opens it
// (AI panel: the article linked, the category suggested from the imported tickets applied,
// feedback), takes it, writes an internal note and a public reply and solves it; the customer sees
// the reply and the solved status live, never the note, and rates the ticket; another agent reopens
// it and the first agent sees what changed; the admin opens the report dashboard.
// Every main screen is checked with axe-core (no serious or critical violation) and photographed.
// Prints one JSON line of figures; exits non-zero when a flow fails.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const env = (name, fallback) => process.env[name] ?? fallback;
const baseURL = env('DESKFLOW_URL', 'http://localhost:8080');
const tenant = env('DESKFLOW_TENANT', 'demo');
const password = env('DESKFLOW_PASSWORD', 'deskflow-demo');
const adminEmail = env('DESKFLOW_ADMIN', `admin@${tenant}.deskflow.dev`);
const agentEmail = env('DESKFLOW_AGENT', `agent1@${tenant}.deskflow.dev`);
const otherAgentEmail = env('DESKFLOW_OTHER_AGENT', `agent2@${tenant}.deskflow.dev`);
const out = env('DESKFLOW_SCREENSHOTS', new URL('./out/', import.meta.url).pathname).replace(/\/?$/, '/');
mkdirSync(out, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const run = Date.now().toString(36);

const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const errors = [];
const pages = [];
const accessibility = {};

async function page(name) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 860 } });
  const opened = await context.newPage();
  pages.push([name, opened]);
  opened.on('pageerror', (error) => errors.push(`${name}: ${error.message}`));
  return opened;
}

/** axe-core in the page: every serious or critical violation fails the run. */
async function checkAccessibility(on, screen) {
  if (!(await on.evaluate(() => 'axe' in window))) {
    // through the DevTools protocol: the gateway's Content-Security-Policy forbids inline scripts
    await on.evaluate(axeSource);
  }
  const violations = await on.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  accessibility[screen] = { violations: violations.length, serious: serious.length };
  assert.deepEqual(serious, [], `accessibility of ${screen}`);
}

async function shoot(on, name, fullPage = true) {
  await on.screenshot({ path: `${out}${name}.png`, fullPage });
}

/** A message in the conversation (not the reply box, which may still hold the same text). */
function message(on, text) {
  return on.getByRole('list', { name: 'Conversation' }).getByText(text);
}

async function signIn(on, email, landing) {
  await on.goto('/login');
  await on.getByLabel('Organisation').fill(tenant);
  await on.getByLabel('E-mail').fill(email);
  await on.getByLabel('Password').fill(password);
  await on.getByRole('button', { name: 'Sign in' }).click();
  await on.waitForURL(`**${landing}`);
}

/** A reply counts as sent once its box is emptied (the ticket has then been read again). */
async function waitForEmpty(box) {
  await box.page().waitForFunction((element) => element.value === '', await box.elementHandle());
}

async function api(path, token, init = {}) {
  return fetch(`${baseURL}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...init.headers },
  });
}

async function apiLogIn(email, secret = password) {
  const response = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenant, email, password: secret }),
  });
  assert.equal(response.status, 200, `log-in of ${email}`);
  return (await response.json()).accessToken;
}

/**
 * Waits until ai-service has indexed a published article, so the customer's draft can match one
 * (the one just published on a fresh platform; on a long-running one maybe an earlier run's, which
 * ranks as well); returns the title of the best match.
 */
async function awaitArticleFor(token, text) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const response = await api('/api/ai/suggestions', token, { method: 'POST', body: JSON.stringify({ text }) });
    const articles = response.ok ? (await response.json()).articles : [];
    if (articles.length > 0) {
      return articles[0].title;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail('ai-service suggested no article within 60 s');
}

/** Waits until ai-service has indexed the imported tickets, so it suggests their category. */
async function awaitCategory(token, text, category) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const response = await api('/api/ai/suggestions', token, { method: 'POST', body: JSON.stringify({ text }) });
    if (response.ok && (await response.json()).suggestions.category?.label === category) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`ai-service did not suggest the imported category ${category} within 60 s`);
}

const figures = {};
try {
  // the admin publishes a help article with the dashboard's editor
  const admin = await page('admin');
  await signIn(admin, adminEmail, '/console');
  await admin.goto('/admin/kb/new');
  const articleTitle = `Printer shows offline (${run})`;
  await admin.getByLabel('Title').fill(articleTitle);
  await admin
    .getByLabel('Text (Markdown)')
    .fill(
      `When a **printer** (model ${run}) shows *offline*:\n\n1. Restart the print spooler.\n2. Print a test page.\n`,
    );
  await admin.getByRole('radio', { name: 'Everyone (published)' }).check();
  await admin.getByRole('button', { name: 'Save article' }).click();
  await admin.getByText('Saved as published').waitFor();
  await admin.waitForURL(/\/admin\/kb\/[0-9a-f-]{36}$/);
  const articleId = admin.url().split('/').pop();
  await checkAccessibility(admin, 'admin-kb-editor');
  await shoot(admin, 'admin-kb-editor');

  // and imports solved printer tickets of a category from CSV, watching the job's progress
  const category = `printing-${run}`;
  const rows = [
    'Printer on floor 2 shows offline after the driver update',
    'Office printer offline, print spooler had stopped',
    'Printer shows offline although it is switched on',
    'Cannot print: printer offline in the print dialog',
    'Printer offline every morning, spooler restart fixes it',
    'Network printer appears offline for the whole floor',
  ].map((text, index) => `${run}-${index},"${text} (model ${run})",${category}`);
  await admin.goto('/admin/import');
  await admin.getByLabel('CSV file (UTF-8, with a header line)').setInputFiles({
    name: 'printer-tickets.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['ticket_id,text,category', ...rows].join('\n') + '\n'),
  });
  await admin.getByLabel('Layout').selectOption('endava');
  await admin.getByRole('button', { name: 'Import' }).click();
  await admin.getByText('Import finished.').waitFor({ timeout: 60000 });
  const imported = await admin.locator('dt', { hasText: 'Imported' }).locator('+ dd').innerText();
  assert.equal(imported, String(rows.length), 'every CSV row is imported');
  await checkAccessibility(admin, 'admin-import');
  await shoot(admin, 'admin-import');
  await awaitCategory(await apiLogIn(adminEmail), `The printer (model ${run}) shows offline`, category);

  const agent = await page('agent');
  await signIn(agent, agentEmail, '/console');
  await agent.getByRole('list', { name: 'Tickets' }).waitFor();
  await agent.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await checkAccessibility(agent, 'agent-queue');
  await shoot(agent, 'agent-queue', false);

  // a new customer signs up
  const customer = await page('customer');
  const customerEmail = `e2e-${run}@example.com`;
  const customerPassword = `e2e-password-${run}`;
  await customer.goto('/signup');
  await customer.getByLabel('Organisation').fill(tenant);
  await customer.getByLabel('Your name').fill('Erin Endtoend');
  await customer.getByLabel('E-mail').fill(customerEmail);
  await customer.getByLabel('Password').fill(customerPassword);
  await checkAccessibility(customer, 'sign-up');
  await customer.getByRole('button', { name: 'Create account' }).click();
  await customer.waitForURL('**/portal');
  await customer.getByRole('heading', { name: 'My tickets' }).waitFor();
  await shoot(customer, 'customer-tickets');

  // while describing the problem, the article is suggested
  const subject = `E2E ${new Date().toISOString()} printer on floor 3 is offline`;
  const description = `The printer (model ${run}) shows offline since this morning; restarting it did not help.`;
  const suggestedTitle = await awaitArticleFor(
    await apiLogIn(customerEmail, customerPassword),
    `${subject}\n${description}`,
  );
  await customer.getByRole('link', { name: 'Raise a ticket' }).first().click();
  await customer.getByLabel('Subject').fill(subject);
  await customer.getByLabel('Description').fill(description);
  const suggested = customer
    .getByRole('complementary', { name: 'Answers that may help' })
    .getByRole('link', { name: suggestedTitle });
  await suggested.waitFor({ timeout: 15000 });
  await checkAccessibility(customer, 'customer-raise-ticket');
  await shoot(customer, 'customer-deflection');
  const [created] = await Promise.all([
    customer.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/tickets'),
    customer.getByRole('button', { name: 'Send ticket' }).click(),
  ]);
  const writtenAt = Date.now();
  assert.equal(created.status(), 201);
  const ticketId = (await created.json()).id;

  // the agent's queue shows it without a reload
  const row = agent.getByRole('link', { name: subject });
  await row.waitFor({ timeout: 15000 });
  figures.writeToQueueMs = Date.now() - writtenAt;
  await shoot(agent, 'agent-queue-live', false);

  await row.click();
  await agent.waitForURL(`**/console/tickets/${ticketId}`);
  // the AI panel: the article matches; a suggested field is applied when one differs
  const assistant = agent.getByRole('region', { name: 'Assistant' });
  const matching = assistant.getByRole('list', { name: 'Matching help articles' });
  const articleItem = matching.getByRole('listitem').first();
  await articleItem.waitFor({ timeout: 30000 });
  await articleItem.getByRole('button', { name: /^Link to ticket for / }).click();
  await articleItem.getByText('Linked to this ticket').waitFor();
  await articleItem.getByRole('button', { name: 'Helpful', exact: true }).click();
  await articleItem.getByText('Thanks, noted.').waitFor();
  const applyCategory = assistant.getByRole('button', { name: `Apply category ${category}` });
  await applyCategory.click();
  await applyCategory.waitFor({ state: 'detached' });
  assert.equal(await agent.getByLabel('Category').inputValue(), category, 'the suggested category is applied');

  await agent.getByRole('button', { name: 'Assign to me' }).click();
  await agent.getByText('Assignee: you').waitFor();
  const note = `Internal: printer ${ticketId.slice(-6)} is on the old driver`;
  await agent.getByRole('radio', { name: 'Internal note' }).check();
  await agent.getByLabel('Internal note (only agents see it)').fill(note);
  await agent.getByRole('button', { name: 'Send internal note' }).click();
  await message(agent, note).waitFor();
  await waitForEmpty(agent.getByLabel('Internal note (only agents see it)'));
  const reply = 'We have pushed a new driver to the printer; please try printing again.';
  await agent.getByRole('radio', { name: 'Public reply' }).check();
  await agent.getByLabel('Your reply').fill(reply);
  await agent.getByRole('button', { name: 'Send reply' }).click();
  await message(agent, reply).waitFor();
  await waitForEmpty(agent.getByLabel('Your reply'));
  await agent.getByLabel('Status').selectOption('SOLVED');
  await agent.getByRole('button', { name: 'Save changes' }).click();
  await agent.getByRole('button', { name: 'Save changes' }).and(agent.locator(':disabled')).waitFor();
  await checkAccessibility(agent, 'agent-ticket');
  await shoot(agent, 'agent-ticket');

  // the customer sees the public reply and the solved status arrive, never the note, and rates
  await message(customer, reply).waitFor({ timeout: 15000 });
  await customer.getByRole('heading', { name: 'How did we do?' }).waitFor({ timeout: 15000 });
  assert.equal(await customer.getByText(note).count(), 0, 'the customer must not see the internal note');
  await customer.getByRole('radio', { name: 'Good, I am satisfied' }).check();
  await customer.getByLabel('Comment (optional)').fill('Fixed within minutes.');
  await customer.getByRole('button', { name: 'Send rating' }).click();
  await customer.getByRole('heading', { name: 'Your rating' }).waitFor();
  await checkAccessibility(customer, 'customer-ticket');
  await shoot(customer, 'customer-ticket');

  // the suggested article, as the customer reads it
  await customer.goto(`/portal/kb/${articleId}`);
  await customer.getByRole('heading', { level: 1, name: articleTitle }).waitFor();
  await checkAccessibility(customer, 'kb-article');
  await shoot(customer, 'kb-article');

  // another agent reopens it; the first agent is told what changed
  const token = await apiLogIn(otherAgentEmail);
  const current = await api(`/api/tickets/${ticketId}`, token);
  const patched = await api(`/api/tickets/${ticketId}`, token, {
    method: 'PATCH',
    headers: { 'If-Match': current.headers.get('ETag') },
    body: JSON.stringify({ status: 'OPEN' }),
  });
  assert.equal(patched.status, 200, 'the other agent reopens the ticket');
  await agent.getByRole('alert').filter({ hasText: 'Status: Solved → Open' }).waitFor({ timeout: 15000 });
  await shoot(agent, 'agent-ticket-changed', false);

  // the admin opens the dashboard: the reports include today's tickets
  await admin.goto('/admin');
  const headline = admin.getByLabel('Headline figures');
  await headline.waitFor({ timeout: 30000 });
  const createdCount = Number(await headline.locator('dt', { hasText: 'Tickets created' }).locator('+ dd').innerText());
  assert.ok(createdCount >= 1, `the dashboard counts the tickets created (${createdCount})`);
  figures.dashboardTicketsCreated = createdCount;
  await admin.getByRole('img', { name: /^Tickets created and solved per day/ }).waitFor();
  await checkAccessibility(admin, 'admin-dashboard');
  await shoot(admin, 'admin-dashboard');

  // phone width keeps the queue and the portal usable
  await agent.setViewportSize({ width: 390, height: 844 });
  await agent.goto('/console');
  await agent.getByRole('link', { name: subject }).waitFor();
  await checkAccessibility(agent, 'agent-queue-phone');
  await shoot(agent, 'agent-queue-phone', false);
  await customer.setViewportSize({ width: 390, height: 844 });
  await customer.goto(`/portal/tickets/${ticketId}`);
  await message(customer, reply).waitFor();
  await checkAccessibility(customer, 'customer-ticket-phone');
  await shoot(customer, 'customer-ticket-phone');

  assert.deepEqual(errors, [], 'no script errors in the pages');
  console.log(JSON.stringify({ result: 'passed', ...figures, accessibility, screenshots: out }));
} catch (failure) {
  for (const [name, failed] of pages) {
    await failed.screenshot({ path: `${out}failed-${name}.png`, fullPage: true }).catch(() => undefined);
  }
  console.error(JSON.stringify({ result: 'failed', error: String(failure), pageErrors: errors, accessibility }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
