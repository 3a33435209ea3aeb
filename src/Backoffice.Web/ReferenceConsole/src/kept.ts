// The applicant's own copy of the order. Reads mask ID numbers and phones (docs/API.md), so a correction after a return
// replaces the order from this copy, never from what was read back; it lives as long as the browser tab.
import type { Order } from "./api";

export function keep(id: string, order: Order): void {
  window.sessionStorage.setItem(`order:${id}`, JSON.stringify(order));
}

export function kept(id: string): Order | null {
  const text = window.sessionStorage.getItem(`order:${id}`);
  return text ? (JSON.parse(text) as Order) : null;
}
