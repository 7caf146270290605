// A botbuilder BotAdapter that speaks the Messenger Platform itself (the pattern of Botkit's
// Facebook adapter), with no Bot Framework service in between: consular conversations stay between
// Meta and our server. botbuilder's Activity and TurnContext stop at this folder; a move to its
// successor SDK changes only files here.
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { recipientOf } from './decode.ts';
import type { SendMessage } from './encode.ts';
import type { SendApi, SendRequest } from './send-api.ts';

/** What an outgoing Activity carries in channelData: the Send API fields besides the recipient. */
export interface MessengerChannelData {
  messaging_type: 'RESPONSE' | 'MESSAGE_TAG';
  tag?: 'HUMAN_AGENT';
  message: SendMessage;
}

export class MessengerBotAdapter extends BotAdapter {
  constructor(private readonly api: SendApi) {
    super();
  }

  /** Runs an incoming Activity through the middleware and `logic`; errors reach the caller. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** Each Activity is one Send API call, in order; the first failure stops the rest and is thrown. */
  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message) throw new Error(`Messenger cannot send a ${activity.type ?? 'typeless'} activity`);
      const data = activity.channelData as MessengerChannelData | undefined;
      const recipient = activity.recipient?.id ?? activity.conversation?.id;
      if (!data?.message || !recipient) throw new Error('an outgoing Messenger activity needs channelData.message and a recipient');
      const body: SendRequest = {
        recipient: recipientOf(recipient),
        messaging_type: data.messaging_type,
        ...(data.tag ? { tag: data.tag } : {}),
        message: data.message,
      };
      const sent = await this.api.send(body);
      responses.push({ id: sent.messageId ?? '' });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('Messenger messages cannot be edited');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('Messenger messages cannot be deleted by a page');
  }

  /** A turn without an incoming message (the outbox's replies, a staff member's), addressed by reference. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const request = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, request), logic);
  }
}
