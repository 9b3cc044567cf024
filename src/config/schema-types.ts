/** The value type of a convict schema section: each leaf's default type, nested as the schema is. */
export type SchemaValue<T> = T extends { default: infer D }
  ? D extends readonly (infer E)[]
    ? E[]
    : D extends number
      ? number
      : D extends string
        ? string
        : D extends boolean
          ? boolean
          : D
  : { [K in keyof T]: SchemaValue<T[K]> };
