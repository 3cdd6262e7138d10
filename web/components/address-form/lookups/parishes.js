// Portugal's parishes: once a1 (district) and a2 (municipality) are filled, GET
// /countries/{iso2}/parishes?a1=&a2= turns the parish field into a select of that municipality's
// parishes (a typed value is kept). The answer does not name its element: a parish (freguesia) is a
// city division, PIDF-LO A4 (RFC 4119), where Portugal's schema puts it.
export default {
  id: 'parishes',
  path: 'parishes',
  countries: ['PT'],
  kind: 'options',
  field: 'a4',
  keys: ['a1', 'a2'],
  answer: 'choices',
  cache: true,
};
