import { headerKey } from '../mapping/headerAliases';

/** What a column of an orders file can be: an order's field, or one of its lines'. */
export const ORDER_TARGETS = [
  'order.id',
  'order.date',
  'order.email',
  'order.customerId',
  'order.name',
  'order.phone',
  'order.currency',
  'order.channel',
  'line.product',
  'line.sku',
  'line.category',
  'line.quantity',
  'line.price',
  'ignore',
] as const;
export type OrderTarget = (typeof ORDER_TARGETS)[number];

// Header names per target, best first: Shopify's orders export, WooCommerce, then French sheets.
const ALIASES: [OrderTarget, string[]][] = [
  [
    'order.id',
    [
      'Name',
      'Order Number',
      'Order ID',
      'Order',
      'N° commande',
      'Numéro de commande',
      'Commande',
      'Référence commande',
    ],
  ],
  [
    'order.date',
    [
      'Created at',
      'Paid at',
      'Order Date',
      'Date',
      'Date de commande',
      'Date commande',
      'Date d’achat',
      "Date d'achat",
    ],
  ],
  [
    'order.email',
    [
      'Email',
      'E-mail',
      'Billing Email',
      'Customer Email',
      'Courriel',
      'Adresse e-mail',
      'Email client',
    ],
  ],
  [
    'order.customerId',
    [
      'Customer ID',
      'Customer Id',
      'Identifiant client',
      'Numéro client',
      'N° client',
      'Code client',
    ],
  ],
  ['order.name', ['Billing Name', 'Customer Name', 'Client', 'Nom du client', 'Nom client']],
  ['order.phone', ['Billing Phone', 'Phone', 'Téléphone', 'Téléphone client']],
  ['order.currency', ['Currency', 'Devise', 'Monnaie']],
  [
    'order.channel',
    ['Location', 'Source', 'Channel', 'Canal', 'Magasin', 'Boutique', 'Point de vente'],
  ],
  [
    'line.product',
    [
      'Lineitem name',
      'Item Name',
      'Product',
      'Product Name',
      'Produit',
      'Article',
      'Désignation',
      'Libellé',
    ],
  ],
  ['line.sku', ['Lineitem sku', 'SKU', 'Item SKU', 'Référence', 'Réf', 'Code article']],
  ['line.category', ['Product Type', 'Category', 'Catégorie', 'Famille', 'Rayon']],
  ['line.quantity', ['Lineitem quantity', 'Quantity', 'Qty', 'Quantité', 'Qté']],
  [
    'line.price',
    [
      'Lineitem price',
      'Item Price',
      'Unit Price',
      'Price',
      'Prix unitaire',
      'Prix',
      'PU',
      'Prix TTC',
    ],
  ],
];
const BY_KEY = new Map<string, { target: OrderTarget; rank: number }>();
for (const [target, headers] of ALIASES)
  headers.forEach((header, rank) => {
    if (!BY_KEY.has(headerKey(header))) BY_KEY.set(headerKey(header), { target, rank });
  });

/**
 * What each column of an orders file seems to be. A target several columns could fill goes to
 * the one named best ("Created at" before "Paid at", "Billing Phone" before "Phone").
 */
export function recognizeOrderColumns(headers: readonly string[]): (OrderTarget | null)[] {
  const guesses = headers.map((header) => BY_KEY.get(headerKey(header)) ?? null);
  const best = new Map<OrderTarget, number>();
  guesses.forEach((guess, column) => {
    if (!guess) return;
    const kept = best.get(guess.target);
    if (kept === undefined || guess.rank < guesses[kept]!.rank) best.set(guess.target, column);
  });
  return guesses.map((guess, column) =>
    guess && best.get(guess.target) === column ? guess.target : null,
  );
}

/**
 * An orders file, not a customer list: it has a product per row and an order number or a
 * quantity or price beside it (a Shopify orders export, a sales sheet).
 */
export function looksLikeOrders(headers: readonly string[]): boolean {
  const found = new Set(recognizeOrderColumns(headers));
  return (
    found.has('line.product') &&
    (found.has('line.quantity') || found.has('line.price')) &&
    (found.has('order.id') || found.has('order.email'))
  );
}
