/* The baseline of SPEC §11: a bare echo bot on the same stack (restify, TeamsAdapter, teams-ai). */
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import * as restify from 'restify';

const adapter = new TeamsAdapter({});
const app = new Application<TurnState>({
  adapter,
  startTypingTimer: false,
  removeRecipientMention: true,
  longRunningMessages: false,
});
app.activity(
  'message',
  async (ctx) => void (await ctx.sendActivity(`echo: ${ctx.activity.text ?? ''}`)),
);
const server = restify.createServer();
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) =>
  adapter.process(req, res, (ctx) => app.run(ctx).then(() => undefined)),
);
server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  next();
});
server.listen(Number(process.env.PORT), '127.0.0.1');
