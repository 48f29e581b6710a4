// End-to-end run of the SPA against a running local platform (./deskflow up), in Debian's
// Chromium driven by playwright-core (no browser download). Usage: npm run e2e (docs/web.md).
// A customer raises a ticket; an agent sees it arrive in the queue without reloading, takes it,
// writes an internal note and a public reply and sets it pending; the customer sees the reply live
// but never the note; another agent changes the ticket and the first agent sees what changed.
// Prints one JSON line of figures; screenshots go to e2e/out/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const env = (name, fallback) => process.env[name] ?? fallback;
const baseURL = env('DESKFLOW_URL', 'http://localhost:8080');
const tenant = env('DESKFLOW_TENANT', 'demo');
const password = env('DESKFLOW_PASSWORD', 'deskflow-demo');
const agentEmail = env('DESKFLOW_AGENT', `agent1@${tenant}.deskflow.dev`);
const otherAgentEmail = env('DESKFLOW_OTHER_AGENT', `agent2@${tenant}.deskflow.dev`);
const customerEmail = env('DESKFLOW_CUSTOMER', `customer01@${tenant}.deskflow.dev`);
const out = new URL('./out/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

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

async function page(name) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 860 } });
  const opened = await context.newPage();
  pages.push([name, opened]);
  opened.on('pageerror', (error) => errors.push(`${name}: ${error.message}`));
  return opened;
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

async function apiLogIn(email) {
  const response = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenant, email, password }),
  });
  assert.equal(response.status, 200, `log-in of ${email}`);
  return (await response.json()).accessToken;
}

const figures = {};
try {
  const agent = await page('agent');
  await signIn(agent, agentEmail, '/console');
  await agent.getByRole('list', { name: 'Tickets' }).waitFor();
  await agent.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await agent.screenshot({ path: `${out}agent-queue.png` });

  const customer = await page('customer');
  await signIn(customer, customerEmail, '/portal');
  await customer.screenshot({ path: `${out}customer-tickets.png` });
  await customer.getByRole('link', { name: 'Raise a ticket' }).first().click();
  const subject = `E2E ${new Date().toISOString()} printer on floor 3 is offline`;
  await customer.getByLabel('Subject').fill(subject);
  await customer
    .getByLabel('Description')
    .fill('The printer shows "offline" since this morning; restarting it did not help.');
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
  await agent.screenshot({ path: `${out}agent-queue-live.png` });

  await row.click();
  await agent.waitForURL(`**/console/tickets/${ticketId}`);
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
  await agent.getByLabel('Status').selectOption('PENDING');
  await agent.getByRole('button', { name: 'Save changes' }).click();
  await agent.getByRole('button', { name: 'Save changes' }).and(agent.locator(':disabled')).waitFor();
  await agent.screenshot({ path: `${out}agent-ticket.png`, fullPage: true });

  // the customer sees the public reply arrive, never the note
  await message(customer, reply).waitFor({ timeout: 15000 });
  await customer.getByText('Pending').first().waitFor();
  assert.equal(await customer.getByText(note).count(), 0, 'the customer must not see the internal note');
  await customer.screenshot({ path: `${out}customer-ticket.png`, fullPage: true });

  // another agent reopens it; the first agent is told what changed
  const token = await apiLogIn(otherAgentEmail);
  const current = await fetch(`${baseURL}/api/tickets/${ticketId}`, { headers: { Authorization: `Bearer ${token}` } });
  const patched = await fetch(`${baseURL}/api/tickets/${ticketId}`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'If-Match': current.headers.get('ETag'),
    },
    body: JSON.stringify({ status: 'OPEN' }),
  });
  assert.equal(patched.status, 200, 'the other agent reopens the ticket');
  await agent.getByRole('alert').filter({ hasText: 'Status: Pending → Open' }).waitFor({ timeout: 15000 });
  await agent.screenshot({ path: `${out}agent-ticket-changed.png` });

  // the phone width keeps the queue usable
  await agent.setViewportSize({ width: 390, height: 844 });
  await agent.goto('/console');
  await agent.getByRole('link', { name: subject }).waitFor();
  await agent.screenshot({ path: `${out}agent-queue-phone.png` });

  assert.deepEqual(errors, [], 'no script errors in the pages');
  console.log(JSON.stringify({ result: 'passed', ...figures, screenshots: out }));
} catch (failure) {
  for (const [name, failed] of pages) {
    await failed.screenshot({ path: `${out}failed-${name}.png`, fullPage: true }).catch(() => undefined);
  }
  console.error(JSON.stringify({ result: 'failed', error: String(failure), pageErrors: errors }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
