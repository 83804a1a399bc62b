/**
 * What the app's rules read of a ticket's AI panel: the operations (id,
 * outcome, scope digest), the hand-offs (id, status) and the read check.
 * Read leniently, as the app's script would (members it does not use are
 * ignored), so a worker adding to the panel does not break the rules.
 */
import { z } from 'zod';

const PanelView = z.object({
  operations: z.array(z.object({ id: z.string(), title: z.string().optional(), outcome: z.string(), scopeDigest: z.string() })),
  handoffs: z.array(z.object({ id: z.string(), status: z.string() })),
  readCheck: z.unknown().optional(),
});
export type PanelView = z.infer<typeof PanelView>;

/** The panel in a ticket's panel field, or null when it is empty or not a panel. */
export function panelView(text: string | undefined): PanelView | null {
  if (text === undefined || text.trim() === '') return null;
  try {
    const parsed = PanelView.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
