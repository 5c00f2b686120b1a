import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

interface ToastState {
  toasts: Toast[];
  show(text: string, tone?: Toast['tone']): void;
  dismiss(id: number): void;
}

let nextId = 1;
const VISIBLE_MS = 5000;

export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  show(text, tone = 'info') {
    const toast = { id: nextId++, text, tone };
    set({ toasts: [...get().toasts, toast] });
    setTimeout(() => get().dismiss(toast.id), VISIBLE_MS);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));
