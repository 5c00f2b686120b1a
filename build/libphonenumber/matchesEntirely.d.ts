export default function matchesEntirely(text: string, regularExpressionText: string): boolean;
