import type { TurnContext } from 'botbuilder';
import type { CommandName } from '../domain/commands/command-table';
import type { Actor } from './turn';

/** What a typed command does: the actor comes from Teams, the arguments from parseCommand. */
export type CommandHandler = (ctx: TurnContext, actor: Actor, args: string) => Promise<void>;

/** One handler per row of the command table; the compiler refuses a command left without one. */
export type CommandHandlers = Record<CommandName, CommandHandler>;
