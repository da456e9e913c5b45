/** draft: being prepared, hidden from shoppers; active: on sale; archived: withdrawn, hidden, kept for history. */
export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** A product is created unpublished or published; archiving is a later decision (PATCH or DELETE). */
export const CREATABLE_PRODUCT_STATUSES = ['draft', 'active'] as const;
