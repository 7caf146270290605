// Right after an answer, a message that only names another place ("thế còn ở Hàn thì sao?", "em ở
// Tokyo") asks the same question there: the answer is given again for that country.
import type { FlowEvent } from '../src/core/effects.ts';
import type { RootContext } from './root.machine.ts';

export function asksSameElsewhere(context: RootContext, event: FlowEvent): boolean {
  return (
    event.type === 'user.text' &&
    event.nlu.country !== undefined &&
    event.nlu.country !== context.country &&
    (context.article !== undefined || context.topic === 'hotline') &&
    (event.nlu.intent === 'out_of_scope' || event.nlu.intent === 'greeting') &&
    event.nlu.topicIntent === undefined &&
    event.nlu.followUp === undefined
  );
}
