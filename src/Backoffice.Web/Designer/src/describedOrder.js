// The order a dry run plays over when none is picked: a value for each field the condition builder offers.

const initial = {
  'order.subject.province': '440000', 'order.subject.nature': 'enterprise', 'order.subject.certificateType': 'uscc',
  'order.verificationMethod': 'curtain-photo', 'order.websites.length': '1', 'order.subject.name': '深圳某某科技有限公司',
};

/** A starting value per field path; the filing type is the definition's own, a field without one starts unset. */
export function initialValues(fields, filingType) {
  return Object.fromEntries(fields.map((f) => [f.path, f.path === 'order.filingType' ? filingType ?? '' : initial[f.path] ?? '']));
}

/** The order document the values describe, each set at its path; a `.length` field gives that many websites. Unset fields are left out. */
export function describedOrder(values) {
  const order = {};
  for (const [path, value] of Object.entries(values)) {
    if (value === '') continue;
    const keys = path.split('.').slice(1);
    const last = keys.pop();
    if (last === 'length') {
      const list = keys.pop();
      const parent = keys.reduce((node, key) => (node[key] ??= {}), order);
      parent[list] = Array.from({ length: Number(value) }, () => ({}));
    } else {
      keys.reduce((node, key) => (node[key] ??= {}), order)[last] = value;
    }
  }
  return order;
}
