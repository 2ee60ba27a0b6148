import type { Order } from '../domain/orders/order';
import type { Actor } from './actor';
import type { Services } from './services';

const MY_ORDERS_LIMIT = 20;

/** `omat tilaukset` / `my orders`: the actor's own orders, newest first. */
export async function myOrders(s: Pick<Services, 'orders'>, actor: Actor): Promise<Order[]> {
  return s.orders.listByOrderer(actor.aadObjectId, MY_ORDERS_LIMIT);
}
