import { create } from 'zustand';

/** The names of the segments whose members were opened as the list, for its filter chip. */
export const useSegmentNames = create<{
  names: Record<string, string>;
  remember(id: string, name: string): void;
}>((set) => ({
  names: {},
  remember: (id, name) => set((s) => ({ names: { ...s.names, [id]: name } })),
}));
