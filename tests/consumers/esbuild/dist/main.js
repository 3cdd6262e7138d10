var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// ../node_modules/btalk-forms/dist/btalk-address-core.js
var btalk_address_core_exports = {};
__export(btalk_address_core_exports, {
  default: () => $n
});
var Gn, $n;
var init_btalk_address_core = __esm({
  "../node_modules/btalk-forms/dist/btalk-address-core.js"() {
    Gn = (() => {
      var er = import.meta.url;
      return (function(W) {
        W = W || {};
        var u = typeof W < "u" ? W : {}, tr, q;
        u.ready = new Promise(function(r, n) {
          tr = r, q = n;
        });
        var ir = Object.assign({}, u), Tr = [], ar = true, V = false, h2 = "";
        function Er(r) {
          return u.locateFile ? u.locateFile(r, h2) : h2 + r;
        }
        var Fr, Cr, G, Pr;
        (ar || V) && (V ? h2 = self.location.href : typeof document < "u" && document.currentScript && (h2 = document.currentScript.src), er && (h2 = er), h2.indexOf("blob:") !== 0 ? h2 = h2.substr(0, h2.replace(/[?#].*/, "").lastIndexOf("/") + 1) : h2 = "", Fr = ((r) => {
          var n = new XMLHttpRequest();
          return n.open("GET", r, false), n.send(null), n.responseText;
        }), V && (G = ((r) => {
          var n = new XMLHttpRequest();
          return n.open("GET", r, false), n.responseType = "arraybuffer", n.send(null), new Uint8Array(n.response);
        })), Cr = ((r, n, e) => {
          var t = new XMLHttpRequest();
          t.open("GET", r, true), t.responseType = "arraybuffer", t.onload = (() => {
            if (t.status == 200 || t.status == 0 && t.response) {
              n(t.response);
              return;
            }
            e();
          }), t.onerror = e, t.send(null);
        }), Pr = ((r) => document.title = r));
        var Kn = u.print || console.log.bind(console), S = u.printErr || console.warn.bind(console);
        Object.assign(u, ir), ir = null;
        var O;
        u.wasmBinary && (O = u.wasmBinary), typeof WebAssembly != "object" && j("no native wasm support detected");
        var I, or = false, Ur, fr = typeof TextDecoder < "u" ? new TextDecoder("utf8") : void 0;
        function kr(r, n, e) {
          for (var t = n + e, a = n; r[a] && !(a >= t); ) ++a;
          if (a - n > 16 && r.subarray && fr) return fr.decode(r.subarray(n, a));
          for (var f = ""; n < a; ) {
            var o = r[n++];
            if (!(o & 128)) {
              f += String.fromCharCode(o);
              continue;
            }
            var i = r[n++] & 63;
            if ((o & 224) == 192) {
              f += String.fromCharCode((o & 31) << 6 | i);
              continue;
            }
            var l = r[n++] & 63;
            if ((o & 240) == 224 ? o = (o & 15) << 12 | i << 6 | l : o = (o & 7) << 18 | i << 12 | l << 6 | r[n++] & 63, o < 65536) f += String.fromCharCode(o);
            else {
              var s = o - 65536;
              f += String.fromCharCode(55296 | s >> 10, 56320 | s & 1023);
            }
          }
          return f;
        }
        function Rr(r, n) {
          return r ? kr(_, r, n) : "";
        }
        function Wr(r, n, e, t) {
          if (!(t > 0)) return 0;
          for (var a = e, f = e + t - 1, o = 0; o < r.length; ++o) {
            var i = r.charCodeAt(o);
            if (i >= 55296 && i <= 57343) {
              var l = r.charCodeAt(++o);
              i = 65536 + ((i & 1023) << 10) | l & 1023;
            }
            if (i <= 127) {
              if (e >= f) break;
              n[e++] = i;
            } else if (i <= 2047) {
              if (e + 1 >= f) break;
              n[e++] = 192 | i >> 6, n[e++] = 128 | i & 63;
            } else if (i <= 65535) {
              if (e + 2 >= f) break;
              n[e++] = 224 | i >> 12, n[e++] = 128 | i >> 6 & 63, n[e++] = 128 | i & 63;
            } else {
              if (e + 3 >= f) break;
              n[e++] = 240 | i >> 18, n[e++] = 128 | i >> 12 & 63, n[e++] = 128 | i >> 6 & 63, n[e++] = 128 | i & 63;
            }
          }
          return n[e] = 0, e - a;
        }
        function Sr(r, n, e) {
          return Wr(r, _, n, e);
        }
        function Or(r) {
          for (var n = 0, e = 0; e < r.length; ++e) {
            var t = r.charCodeAt(e);
            t >= 55296 && t <= 57343 && (t = 65536 + ((t & 1023) << 10) | r.charCodeAt(++e) & 1023), t <= 127 ? ++n : t <= 2047 ? n += 2 : t <= 65535 ? n += 3 : n += 4;
          }
          return n;
        }
        var ur = typeof TextDecoder < "u" ? new TextDecoder("utf-16le") : void 0;
        function Hr(r, n) {
          for (var e = r, t = e >> 1, a = t + n / 2; !(t >= a) && M[t]; ) ++t;
          if (e = t << 1, e - r > 32 && ur) return ur.decode(_.subarray(r, e));
          for (var f = "", o = 0; !(o >= n / 2); ++o) {
            var i = P[r + o * 2 >> 1];
            if (i == 0) break;
            f += String.fromCharCode(i);
          }
          return f;
        }
        function Dr(r, n, e) {
          if (e === void 0 && (e = 2147483647), e < 2) return 0;
          e -= 2;
          for (var t = n, a = e < r.length * 2 ? e / 2 : r.length, f = 0; f < a; ++f) {
            var o = r.charCodeAt(f);
            P[n >> 1] = o, n += 2;
          }
          return P[n >> 1] = 0, n - t;
        }
        function Vr(r) {
          return r.length * 2;
        }
        function Ir(r, n) {
          for (var e = 0, t = ""; !(e >= n / 4); ) {
            var a = F[r + e * 4 >> 2];
            if (a == 0) break;
            if (++e, a >= 65536) {
              var f = a - 65536;
              t += String.fromCharCode(55296 | f >> 10, 56320 | f & 1023);
            } else t += String.fromCharCode(a);
          }
          return t;
        }
        function Mr(r, n, e) {
          if (e === void 0 && (e = 2147483647), e < 4) return 0;
          for (var t = n, a = t + e - 4, f = 0; f < r.length; ++f) {
            var o = r.charCodeAt(f);
            if (o >= 55296 && o <= 57343) {
              var i = r.charCodeAt(++f);
              o = 65536 + ((o & 1023) << 10) | i & 1023;
            }
            if (F[n >> 2] = o, n += 4, n + 4 > a) break;
          }
          return F[n >> 2] = 0, n - t;
        }
        function jr(r) {
          for (var n = 0, e = 0; e < r.length; ++e) {
            var t = r.charCodeAt(e);
            t >= 55296 && t <= 57343 && ++e, n += 4;
          }
          return n;
        }
        var K, Z, _, P, M, F, b, lr, sr;
        function cr(r) {
          K = r, u.HEAP8 = Z = new Int8Array(r), u.HEAP16 = P = new Int16Array(r), u.HEAP32 = F = new Int32Array(r), u.HEAPU8 = _ = new Uint8Array(r), u.HEAPU16 = M = new Uint16Array(r), u.HEAPU32 = b = new Uint32Array(r), u.HEAPF32 = lr = new Float32Array(r), u.HEAPF64 = sr = new Float64Array(r);
        }
        var dr, Lr = [], vr = [], Nr = [], Br = false;
        function Xr() {
          J(Lr);
        }
        function qr() {
          Br = true, J(vr);
        }
        function Gr() {
          J(Nr);
        }
        function Kr(r) {
          vr.unshift(r);
        }
        var H = 0, $ = null, D = null;
        function Zr(r) {
          H++;
        }
        function $r(r) {
          if (H--, H == 0 && ($ !== null && (clearInterval($), $ = null), D)) {
            var n = D;
            D = null, n();
          }
        }
        u.preloadedImages = {}, u.preloadedAudios = {};
        function j(r) {
          r = "Aborted(" + r + ")", S(r), or = true, Ur = 1, r += ". Build with -s ASSERTIONS=1 for more info.";
          var n = new WebAssembly.RuntimeError(r);
          throw q(n), n;
        }
        var Jr = "data:application/octet-stream;base64,";
        function _r(r) {
          return r.startsWith(Jr);
        }
        var g;
        u.locateFile ? (g = "btalk-address-core.wasm", _r(g) || (g = Er(g))) : g = new URL("btalk-address-core.wasm", import.meta.url).toString();
        function gr(r) {
          try {
            if (r == g && O) return new Uint8Array(O);
            if (G) return G(r);
            throw "both async and sync fetching of the wasm failed";
          } catch (n) {
            j(n);
          }
        }
        function Qr() {
          return !O && (ar || V) && typeof fetch == "function" ? fetch(g, { credentials: "same-origin" }).then(function(r) {
            if (!r.ok) throw "failed to load wasm binary file at '" + g + "'";
            return r.arrayBuffer();
          }).catch(function() {
            return gr(g);
          }) : Promise.resolve().then(function() {
            return gr(g);
          });
        }
        function Yr() {
          var r = { a: In };
          function n(o, i) {
            var l = o.exports;
            u.asm = l, I = u.asm.m, cr(I.buffer), dr = u.asm.t, Kr(u.asm.n), $r("wasm-instantiate");
          }
          Zr("wasm-instantiate");
          function e(o) {
            n(o.instance);
          }
          function t(o) {
            return Qr().then(function(i) {
              return WebAssembly.instantiate(i, r);
            }).then(function(i) {
              return i;
            }).then(o, function(i) {
              S("failed to asynchronously prepare wasm: " + i), j(i);
            });
          }
          function a() {
            return !O && typeof WebAssembly.instantiateStreaming == "function" && !_r(g) && typeof fetch == "function" ? fetch(g, { credentials: "same-origin" }).then(function(o) {
              var i = WebAssembly.instantiateStreaming(o, r);
              return i.then(e, function(l) {
                return S("wasm streaming compile failed: " + l), S("falling back to ArrayBuffer instantiation"), t(e);
              });
            }) : t(e);
          }
          if (u.instantiateWasm) try {
            var f = u.instantiateWasm(r, n);
            return f;
          } catch (o) {
            return S("Module.instantiateWasm callback failed with error: " + o), false;
          }
          return a().catch(q), {};
        }
        function J(r) {
          for (; r.length > 0; ) {
            var n = r.shift();
            if (typeof n == "function") {
              n(u);
              continue;
            }
            var e = n.func;
            typeof e == "number" ? n.arg === void 0 ? L(e)() : L(e)(n.arg) : e(n.arg === void 0 ? null : n.arg);
          }
        }
        function L(r) {
          return dr.get(r);
        }
        function zr(r, n, e, t, a) {
        }
        function Q(r) {
          switch (r) {
            case 1:
              return 0;
            case 2:
              return 1;
            case 4:
              return 2;
            case 8:
              return 3;
            default:
              throw new TypeError("Unknown type size: " + r);
          }
        }
        function xr() {
          for (var r = new Array(256), n = 0; n < 256; ++n) r[n] = String.fromCharCode(n);
          pr = r;
        }
        var pr = void 0;
        function y(r) {
          for (var n = "", e = r; _[e]; ) n += pr[_[e++]];
          return n;
        }
        var U = {}, k = {}, N = {}, rn = 48, nn = 57;
        function en(r) {
          if (r === void 0) return "_unknown";
          r = r.replace(/[^a-zA-Z0-9_]/g, "$");
          var n = r.charCodeAt(0);
          return n >= rn && n <= nn ? "_" + r : r;
        }
        function tn(r, n) {
          return r = en(r), function() {
            return n.apply(this, arguments);
          };
        }
        function Y(r, n) {
          var e = tn(n, function(t) {
            this.name = n, this.message = t;
            var a = new Error(t).stack;
            a !== void 0 && (this.stack = this.toString() + `
` + a.replace(/^Error(:[^\n]*)?\n/, ""));
          });
          return e.prototype = Object.create(r.prototype), e.prototype.constructor = e, e.prototype.toString = function() {
            return this.message === void 0 ? this.name : this.name + ": " + this.message;
          }, e;
        }
        var yr = void 0;
        function p(r) {
          throw new yr(r);
        }
        var hr = void 0;
        function mr(r) {
          throw new hr(r);
        }
        function an(r, n, e) {
          r.forEach(function(i) {
            N[i] = n;
          });
          function t(i) {
            var l = e(i);
            l.length !== r.length && mr("Mismatched type converter count");
            for (var s = 0; s < r.length; ++s) w(r[s], l[s]);
          }
          var a = new Array(n.length), f = [], o = 0;
          n.forEach(function(i, l) {
            k.hasOwnProperty(i) ? a[l] = k[i] : (f.push(i), U.hasOwnProperty(i) || (U[i] = []), U[i].push(function() {
              a[l] = k[i], ++o, o === f.length && t(a);
            }));
          }), f.length === 0 && t(a);
        }
        function w(r, n, e = {}) {
          if (!("argPackAdvance" in n)) throw new TypeError("registerType registeredInstance requires argPackAdvance");
          var t = n.name;
          if (r || p('type "' + t + '" must have a positive integer typeid pointer'), k.hasOwnProperty(r)) {
            if (e.ignoreDuplicateRegistrations) return;
            p("Cannot register type '" + t + "' twice");
          }
          if (k[r] = n, delete N[r], U.hasOwnProperty(r)) {
            var a = U[r];
            delete U[r], a.forEach(function(f) {
              f();
            });
          }
        }
        function on(r, n, e, t, a) {
          var f = Q(e);
          n = y(n), w(r, { name: n, fromWireType: function(o) {
            return !!o;
          }, toWireType: function(o, i) {
            return i ? t : a;
          }, argPackAdvance: 8, readValueFromPointer: function(o) {
            var i;
            if (e === 1) i = Z;
            else if (e === 2) i = P;
            else if (e === 4) i = F;
            else throw new TypeError("Unknown boolean type size: " + n);
            return this.fromWireType(i[o >> f]);
          }, destructorFunction: null });
        }
        var z = [], m = [{}, { value: void 0 }, { value: null }, { value: true }, { value: false }];
        function fn(r) {
          r > 4 && --m[r].refcount === 0 && (m[r] = void 0, z.push(r));
        }
        function un() {
          for (var r = 0, n = 5; n < m.length; ++n) m[n] !== void 0 && ++r;
          return r;
        }
        function ln() {
          for (var r = 5; r < m.length; ++r) if (m[r] !== void 0) return m[r];
          return null;
        }
        function sn() {
          u.count_emval_handles = un, u.get_first_emval = ln;
        }
        var br = { toValue: function(r) {
          return r || p("Cannot use deleted val. handle = " + r), m[r].value;
        }, toHandle: function(r) {
          switch (r) {
            case void 0:
              return 1;
            case null:
              return 2;
            case true:
              return 3;
            case false:
              return 4;
            default: {
              var n = z.length ? z.pop() : m.length;
              return m[n] = { refcount: 1, value: r }, n;
            }
          }
        } };
        function x(r) {
          return this.fromWireType(b[r >> 2]);
        }
        function cn(r, n) {
          n = y(n), w(r, { name: n, fromWireType: function(e) {
            var t = br.toValue(e);
            return fn(e), t;
          }, toWireType: function(e, t) {
            return br.toHandle(t);
          }, argPackAdvance: 8, readValueFromPointer: x, destructorFunction: null });
        }
        function dn(r, n) {
          switch (n) {
            case 2:
              return function(e) {
                return this.fromWireType(lr[e >> 2]);
              };
            case 3:
              return function(e) {
                return this.fromWireType(sr[e >> 3]);
              };
            default:
              throw new TypeError("Unknown float type: " + r);
          }
        }
        function vn(r, n, e) {
          var t = Q(e);
          n = y(n), w(r, { name: n, fromWireType: function(a) {
            return a;
          }, toWireType: function(a, f) {
            return f;
          }, argPackAdvance: 8, readValueFromPointer: dn(n, t), destructorFunction: null });
        }
        function _n(r) {
          for (; r.length; ) {
            var n = r.pop(), e = r.pop();
            e(n);
          }
        }
        function gn(r, n, e, t, a) {
          var f = n.length;
          f < 2 && p("argTypes array size mismatch! Must at least get return value and 'this' types!");
          for (var o = n[1] !== null && e !== null, i = false, l = 1; l < n.length; ++l) if (n[l] !== null && n[l].destructorFunction === void 0) {
            i = true;
            break;
          }
          var s = n[0].name !== "void", d = f - 2, c = new Array(d), v = [], T = [];
          return function() {
            arguments.length !== d && p("function " + r + " called with " + arguments.length + " arguments, expected " + d + " args!"), T.length = 0;
            var C;
            v.length = o ? 2 : 1, v[0] = a, o && (C = n[1].toWireType(T, this), v[1] = C);
            for (var E = 0; E < d; ++E) c[E] = n[E + 2].toWireType(T, arguments[E]), v.push(c[E]);
            var X = t.apply(null, v);
            function Bn(Xn) {
              if (i) _n(T);
              else for (var R = o ? 1 : 2; R < n.length; R++) {
                var qn = R === 1 ? C : c[R - 2];
                n[R].destructorFunction !== null && n[R].destructorFunction(qn);
              }
              if (s) return n[0].fromWireType(Xn);
            }
            return Bn(X);
          };
        }
        function pn(r, n, e) {
          if (r[n].overloadTable === void 0) {
            var t = r[n];
            r[n] = function() {
              return r[n].overloadTable.hasOwnProperty(arguments.length) || p("Function '" + e + "' called with an invalid number of arguments (" + arguments.length + ") - expects one of (" + r[n].overloadTable + ")!"), r[n].overloadTable[arguments.length].apply(this, arguments);
            }, r[n].overloadTable = [], r[n].overloadTable[t.argCount] = t;
          }
        }
        function yn(r, n, e) {
          u.hasOwnProperty(r) ? ((e === void 0 || u[r].overloadTable !== void 0 && u[r].overloadTable[e] !== void 0) && p("Cannot register public name '" + r + "' twice"), pn(u, r, r), u.hasOwnProperty(e) && p("Cannot register multiple overloads of a function with the same number of arguments (" + e + ")!"), u[r].overloadTable[e] = n) : (u[r] = n, e !== void 0 && (u[r].numArguments = e));
        }
        function hn(r, n) {
          for (var e = [], t = 0; t < r; t++) e.push(F[(n >> 2) + t]);
          return e;
        }
        function mn(r, n, e) {
          u.hasOwnProperty(r) || mr("Replacing nonexistant public symbol"), u[r].overloadTable !== void 0 && e !== void 0 ? u[r].overloadTable[e] = n : (u[r] = n, u[r].argCount = e);
        }
        function bn(r, n, e) {
          var t = u["dynCall_" + r];
          return e && e.length ? t.apply(null, [n].concat(e)) : t.call(null, n);
        }
        function wn(r, n, e) {
          return r.includes("j") ? bn(r, n, e) : L(n).apply(null, e);
        }
        function An(r, n) {
          var e = [];
          return function() {
            return e.length = 0, Object.assign(e, arguments), wn(r, n, e);
          };
        }
        function Tn(r, n) {
          r = y(r);
          function e() {
            return r.includes("j") ? An(r, n) : L(n);
          }
          var t = e();
          return typeof t != "function" && p("unknown function pointer with signature " + r + ": " + n), t;
        }
        var wr = void 0;
        function En(r) {
          var n = Ar(r), e = y(n);
          return A(n), e;
        }
        function Fn(r, n) {
          var e = [], t = {};
          function a(f) {
            if (!t[f] && !k[f]) {
              if (N[f]) {
                N[f].forEach(a);
                return;
              }
              e.push(f), t[f] = true;
            }
          }
          throw n.forEach(a), new wr(r + ": " + e.map(En).join([", "]));
        }
        function Cn(r, n, e, t, a, f) {
          var o = hn(n, e);
          r = y(r), a = Tn(t, a), yn(r, function() {
            Fn("Cannot call " + r + " due to unbound types", o);
          }, n - 1), an([], o, function(i) {
            var l = [i[0], null].concat(i.slice(1));
            return mn(r, gn(r, l, null, a, f), n - 1), [];
          });
        }
        function Pn(r, n, e) {
          switch (n) {
            case 0:
              return e ? function(a) {
                return Z[a];
              } : function(a) {
                return _[a];
              };
            case 1:
              return e ? function(a) {
                return P[a >> 1];
              } : function(a) {
                return M[a >> 1];
              };
            case 2:
              return e ? function(a) {
                return F[a >> 2];
              } : function(a) {
                return b[a >> 2];
              };
            default:
              throw new TypeError("Unknown integer type: " + r);
          }
        }
        function Un(r, n, e, t, a) {
          n = y(n), a === -1 && (a = 4294967295);
          var f = Q(e), o = (c) => c;
          if (t === 0) {
            var i = 32 - 8 * e;
            o = ((c) => c << i >>> i);
          }
          var l = n.includes("unsigned"), s = (c, v) => {
          }, d;
          l ? d = function(c, v) {
            return s(v, this.name), v >>> 0;
          } : d = function(c, v) {
            return s(v, this.name), v;
          }, w(r, { name: n, fromWireType: o, toWireType: d, argPackAdvance: 8, readValueFromPointer: Pn(n, f, t !== 0), destructorFunction: null });
        }
        function kn(r, n, e) {
          var t = [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array], a = t[n];
          function f(o) {
            o = o >> 2;
            var i = b, l = i[o], s = i[o + 1];
            return new a(K, s, l);
          }
          e = y(e), w(r, { name: e, fromWireType: f, argPackAdvance: 8, readValueFromPointer: f }, { ignoreDuplicateRegistrations: true });
        }
        function Rn(r, n) {
          n = y(n);
          var e = n === "std::string";
          w(r, { name: n, fromWireType: function(t) {
            var a = b[t >> 2], f;
            if (e) for (var o = t + 4, i = 0; i <= a; ++i) {
              var l = t + 4 + i;
              if (i == a || _[l] == 0) {
                var s = l - o, d = Rr(o, s);
                f === void 0 ? f = d : (f += "\0", f += d), o = l + 1;
              }
            }
            else {
              for (var c = new Array(a), i = 0; i < a; ++i) c[i] = String.fromCharCode(_[t + 4 + i]);
              f = c.join("");
            }
            return A(t), f;
          }, toWireType: function(t, a) {
            a instanceof ArrayBuffer && (a = new Uint8Array(a));
            var f, o = typeof a == "string";
            o || a instanceof Uint8Array || a instanceof Uint8ClampedArray || a instanceof Int8Array || p("Cannot pass non-string to std::string"), e && o ? f = (() => Or(a)) : f = (() => a.length);
            var i = f(), l = rr(4 + i + 1);
            if (b[l >> 2] = i, e && o) Sr(a, l + 4, i + 1);
            else if (o) for (var s = 0; s < i; ++s) {
              var d = a.charCodeAt(s);
              d > 255 && (A(l), p("String has UTF-16 code units that do not fit in 8 bits")), _[l + 4 + s] = d;
            }
            else for (var s = 0; s < i; ++s) _[l + 4 + s] = a[s];
            return t !== null && t.push(A, l), l;
          }, argPackAdvance: 8, readValueFromPointer: x, destructorFunction: function(t) {
            A(t);
          } });
        }
        function Wn(r, n, e) {
          e = y(e);
          var t, a, f, o, i;
          n === 2 ? (t = Hr, a = Dr, o = Vr, f = (() => M), i = 1) : n === 4 && (t = Ir, a = Mr, o = jr, f = (() => b), i = 2), w(r, { name: e, fromWireType: function(l) {
            for (var s = b[l >> 2], d = f(), c, v = l + 4, T = 0; T <= s; ++T) {
              var C = l + 4 + T * n;
              if (T == s || d[C >> i] == 0) {
                var E = C - v, X = t(v, E);
                c === void 0 ? c = X : (c += "\0", c += X), v = C + n;
              }
            }
            return A(l), c;
          }, toWireType: function(l, s) {
            typeof s != "string" && p("Cannot pass non-string to C++ string type " + e);
            var d = o(s), c = rr(4 + d + n);
            return b[c >> 2] = d >> i, a(s, c + 4, d + n), l !== null && l.push(A, c), c;
          }, argPackAdvance: 8, readValueFromPointer: x, destructorFunction: function(l) {
            A(l);
          } });
        }
        function Sn(r, n) {
          n = y(n), w(r, { isVoid: true, name: n, argPackAdvance: 0, fromWireType: function() {
          }, toWireType: function(e, t) {
          } });
        }
        function On() {
          j("");
        }
        function Hn() {
          return 2147483648;
        }
        function Dn(r) {
          try {
            return I.grow(r - K.byteLength + 65535 >>> 16), cr(I.buffer), 1;
          } catch {
          }
        }
        function Vn(r) {
          var n = _.length;
          r = r >>> 0;
          var e = Hn();
          if (r > e) return false;
          let t = (l, s) => l + (s - l % s) % s;
          for (var a = 1; a <= 4; a *= 2) {
            var f = n * (1 + 0.2 / a);
            f = Math.min(f, r + 100663296);
            var o = Math.min(e, t(Math.max(r, f), 65536)), i = Dn(o);
            if (i) return true;
          }
          return false;
        }
        xr(), yr = u.BindingError = Y(Error, "BindingError"), hr = u.InternalError = Y(Error, "InternalError"), sn(), wr = u.UnboundTypeError = Y(Error, "UnboundTypeError");
        var In = { k: zr, i: on, h: cn, f: vn, d: Cn, c: Un, b: kn, g: Rn, e: Wn, j: Sn, a: On, l: Vn }, Zn = Yr(), Mn = u.___wasm_call_ctors = function() {
          return (Mn = u.___wasm_call_ctors = u.asm.n).apply(null, arguments);
        }, jn = u._btalk_input_buffer = function() {
          return (jn = u._btalk_input_buffer = u.asm.o).apply(null, arguments);
        }, Ln = u._btalk_validate_input = function() {
          return (Ln = u._btalk_validate_input = u.asm.p).apply(null, arguments);
        }, rr = u._malloc = function() {
          return (rr = u._malloc = u.asm.q).apply(null, arguments);
        }, Ar = u.___getTypeName = function() {
          return (Ar = u.___getTypeName = u.asm.r).apply(null, arguments);
        }, Nn = u.___embind_register_native_and_builtin_types = function() {
          return (Nn = u.___embind_register_native_and_builtin_types = u.asm.s).apply(null, arguments);
        }, A = u._free = function() {
          return (A = u._free = u.asm.u).apply(null, arguments);
        }, B;
        D = function r() {
          B || nr(), B || (D = r);
        };
        function nr(r) {
          if (r = r || Tr, H > 0 || (Xr(), H > 0)) return;
          function n() {
            B || (B = true, u.calledRun = true, !or && (qr(), tr(u), Gr()));
          }
          n();
        }
        return u.run = nr, nr(), W.ready;
      });
    })();
    $n = Gn;
  }
});

// ../node_modules/btalk-forms/web/components/address-form/i18n/fr.js
var fr_exports = {};
__export(fr_exports, {
  default: () => fr_default
});
var fr_default;
var init_fr = __esm({
  "../node_modules/btalk-forms/web/components/address-form/i18n/fr.js"() {
    fr_default = {
      loading: "Chargement\u2026",
      loadingCountry: "Chargement du formulaire d\u2019adresse\u2026",
      loadingAreas: "Chargement des choix pour {label}\u2026",
      searching: "Recherche d\u2019adresses\u2026",
      saving: "Enregistrement de l\u2019adresse\u2026",
      retry: "R\xE9essayer",
      noCountry: "Choisissez un pays pour saisir l\u2019adresse.",
      loadFailed: "Le formulaire d\u2019adresse n\u2019a pas pu \xEAtre charg\xE9 : {message}",
      areasFailed: "Les choix pour {label} n\u2019ont pas pu \xEAtre charg\xE9s : {message}",
      searchFailed: "La recherche d\u2019adresse a \xE9chou\xE9 : {message}",
      saveFailed: "L\u2019adresse n\u2019a pas pu \xEAtre enregistr\xE9e : {message}",
      coreFailed: "L\u2019adresse n\u2019a pas pu \xEAtre v\xE9rifi\xE9e : {message}",
      errorStatus: "(HTTP {status})",
      choose: "Choisir\u2026",
      none: "(aucun)",
      chooseParentFirst: "Choisissez d\u2019abord : {label}",
      requiredMark: "*",
      requiredText: "(obligatoire)",
      moreInfo: "Plus d\u2019informations sur \xAB {label} \xBB",
      opensNewWindow: "(s\u2019ouvre dans une nouvelle fen\xEAtre)",
      dialZoneLabel: "Zone de num\xE9rotation",
      dialZoneDescription: "La zone de num\xE9rotation locale du site (non v\xE9rifi\xE9e par Business Talk).",
      searchLabel: "Rechercher l\u2019adresse",
      searchDescription: "Tapez une partie de l\u2019adresse, puis choisissez-la dans la liste pour remplir le formulaire.",
      searchNone: "Aucune adresse trouv\xE9e.",
      "searchFound.one": "1 adresse trouv\xE9e. Utilisez les fl\xE8ches pour la choisir, puis Entr\xE9e.",
      "searchFound.other": "{count} adresses trouv\xE9es. Utilisez les fl\xE8ches pour en choisir une, puis Entr\xE9e.",
      candidateChosen: "Adresse remplie : {label}",
      summaryTitle: "Veuillez corriger les points suivants :",
      summaryOther: "{message}",
      save: "Enregistrer l\u2019adresse",
      saved: "L\u2019adresse a \xE9t\xE9 enregistr\xE9e pour le site {voiceSiteId}.",
      serverRejected: "Business Talk a refus\xE9 l\u2019adresse : {message}",
      invalidAddress: "L\u2019adresse comporte des erreurs : corrigez les champs signal\xE9s.",
      notLoaded: "Le formulaire d\u2019adresse n\u2019est pas encore charg\xE9.",
      constraintBroken: "La r\xE8gle de ce champ fournie par l\u2019API est invalide : {message}",
      unknownValue: "{value} (absent de la liste)",
      postalCodesSearching: "Recherche des codes postaux\u2026",
      postalCodesFailed: "La recherche de code postal a \xE9chou\xE9 : {message}",
      postalCodesNone: "Aucun code postal trouv\xE9.",
      "postalCodesFound.one": "1 code postal trouv\xE9. Utilisez Tab ou les fl\xE8ches pour le choisir.",
      "postalCodesFound.other": "{count} codes postaux trouv\xE9s. Utilisez Tab ou les fl\xE8ches pour en choisir un.",
      postalCodeChosen: "Code postal {label} choisi ; champs remplis : {fields}.",
      verify: "V\xE9rifier l\u2019adresse",
      verifying: "V\xE9rification de l\u2019adresse\u2026",
      verifyFound: "Adresse trouv\xE9e.",
      verifyFoundOtherFormat: "Adresse trouv\xE9e. Business Talk l\u2019\xE9crit ainsi : {label}",
      verifyUseFormat: "Utiliser ce format",
      verifyApplied: "L\u2019adresse utilise maintenant le format de Business Talk.",
      verifyUnknown: "Cette adresse n\u2019est pas connue du service d\u2019adresses de Business Talk. V\xE9rifiez-la ; vous pouvez quand m\xEAme l\u2019enregistrer si le formulaire l\u2019accepte.",
      verifyEmpty: "Remplissez l\u2019adresse avant de la v\xE9rifier.",
      verifyFailed: "L\u2019adresse n\u2019a pas pu \xEAtre v\xE9rifi\xE9e : {message}",
      verifyUnavailable: "La v\xE9rification d\u2019adresse n\u2019est pas disponible pour ce pays.",
      searchUnavailable: "La recherche d\u2019adresse n\u2019est pas disponible pour ce pays : remplissez les champs ci-dessous.",
      normalized: "Corrig\xE9 en \xAB {value} \xBB.",
      formatHint: "format attendu : {format} ({legend})",
      formatHintExample: "format attendu : {format}, par exemple {example} ({legend})",
      formatExampleOnly: "par exemple {example}",
      // The format's placeholders (the core names them: 9 = digit, A = capital letter, a, X).
      "legend.digit": "chiffre",
      "legend.capitalLetter": "lettre majuscule",
      "legend.letter": "lettre",
      "legend.smallLetter": "lettre minuscule",
      "legend.letterOrDigit": "lettre ou chiffre",
      "problem.valueMissing": "{label} : ce champ est obligatoire.",
      "problem.tooShort": "{label} : au moins {min} caract\xE8res.",
      "problem.tooLong": "{label} : au plus {max} caract\xE8res.",
      "problem.typeMismatch": "{label} : uniquement des chiffres (0 \xE0 9).",
      "problem.patternMismatch": "{label} : le format n\u2019est pas valide.",
      "problem.patternMismatchHint": "{label} : le format n\u2019est pas valide ; {hint}.",
      "problem.notAllowed": "{label} : cette valeur n\u2019est pas autoris\xE9e.",
      "problem.unknownField": "{label} : ce champ n\u2019existe pas pour ce pays.",
      "element.a1": "\xC9tat ou r\xE9gion",
      "element.a2": "D\xE9partement ou district",
      "element.a3": "Ville",
      "element.a4": "Quartier ou lieu-dit",
      "element.a5": "Voisinage",
      "element.a6": "Nom de la voie",
      "element.hno": "Num\xE9ro",
      "element.hns": "Compl\xE9ment de num\xE9ro",
      "element.sts": "Type de voie",
      "element.flr": "\xC9tage",
      "element.bld": "B\xE2timent",
      "element.room": "Pi\xE8ce",
      "element.pc": "Code postal",
      "element.pcn": "Localit\xE9 postale",
      "element.pobox": "Bo\xEEte postale",
      "element.prd": "Orientation avant la voie",
      "element.pod": "Orientation apr\xE8s la voie",
      "element.unit": "Appartement ou local",
      "element.addrExtInfo": "Compl\xE9ment d\u2019adresse {n}"
    };
  }
});

// ../node_modules/btalk-forms/web/components/address-form/i18n/de.js
var de_exports = {};
__export(de_exports, {
  default: () => de_default
});
var de_default;
var init_de = __esm({
  "../node_modules/btalk-forms/web/components/address-form/i18n/de.js"() {
    de_default = {
      loading: "Wird geladen\u2026",
      loadingCountry: "Das Adressformular wird geladen\u2026",
      loadingAreas: "Die Auswahl f\xFCr {label} wird geladen\u2026",
      searching: "Adressen werden gesucht\u2026",
      saving: "Die Adresse wird gespeichert\u2026",
      retry: "Erneut versuchen",
      noCountry: "W\xE4hlen Sie ein Land, um die Adresse einzugeben.",
      loadFailed: "Das Adressformular konnte nicht geladen werden: {message}",
      areasFailed: "Die Auswahl f\xFCr {label} konnte nicht geladen werden: {message}",
      searchFailed: "Die Adresssuche ist fehlgeschlagen: {message}",
      saveFailed: "Die Adresse konnte nicht gespeichert werden: {message}",
      coreFailed: "Die Adresse konnte nicht gepr\xFCft werden: {message}",
      errorStatus: "(HTTP {status})",
      choose: "Bitte w\xE4hlen\u2026",
      none: "(keine Angabe)",
      chooseParentFirst: "W\xE4hlen Sie zuerst: {label}",
      requiredMark: "*",
      requiredText: "(Pflichtfeld)",
      moreInfo: "Weitere Informationen zu \u201E{label}\u201C",
      opensNewWindow: "(\xF6ffnet in einem neuen Fenster)",
      dialZoneLabel: "Vorwahlbereich",
      dialZoneDescription: "Der f\xFCr den Standort zust\xE4ndige Vorwahlbereich (wird von Business Talk nicht gepr\xFCft).",
      searchLabel: "Adresse suchen",
      searchDescription: "Geben Sie einen Teil der Adresse ein und w\xE4hlen Sie sie in der Liste aus, um das Formular auszuf\xFCllen.",
      searchNone: "Keine Adresse gefunden.",
      "searchFound.one": "1 Adresse gefunden. Mit den Pfeiltasten ausw\xE4hlen, dann Eingabe dr\xFCcken.",
      "searchFound.other": "{count} Adressen gefunden. Mit den Pfeiltasten eine ausw\xE4hlen, dann Eingabe dr\xFCcken.",
      candidateChosen: "Adresse \xFCbernommen: {label}",
      summaryTitle: "Bitte korrigieren Sie Folgendes:",
      summaryOther: "{message}",
      save: "Adresse speichern",
      saved: "Die Adresse wurde f\xFCr den Voicesite {voiceSiteId} gespeichert.",
      serverRejected: "Business Talk hat die Adresse abgelehnt: {message}",
      invalidAddress: "Die Adresse enth\xE4lt Fehler: Korrigieren Sie die markierten Felder.",
      notLoaded: "Das Adressformular ist noch nicht geladen.",
      constraintBroken: "Die Regel der API f\xFCr dieses Feld ist fehlerhaft: {message}",
      unknownValue: "{value} (nicht in der Liste)",
      postalCodesSearching: "Postleitzahlen werden gesucht\u2026",
      postalCodesFailed: "Die Postleitzahlsuche ist fehlgeschlagen: {message}",
      postalCodesNone: "Keine Postleitzahl gefunden.",
      "postalCodesFound.one": "1 Postleitzahl gefunden. Mit Tab oder den Pfeiltasten ausw\xE4hlen.",
      "postalCodesFound.other": "{count} Postleitzahlen gefunden. Mit Tab oder den Pfeiltasten eine ausw\xE4hlen.",
      postalCodeChosen: "Postleitzahl {label} gew\xE4hlt; ausgef\xFCllt: {fields}.",
      verify: "Adresse pr\xFCfen",
      verifying: "Die Adresse wird gepr\xFCft\u2026",
      verifyFound: "Adresse gefunden.",
      verifyFoundOtherFormat: "Adresse gefunden. Business Talk schreibt sie so: {label}",
      verifyUseFormat: "Diese Schreibweise \xFCbernehmen",
      verifyApplied: "Die Adresse verwendet jetzt die Schreibweise von Business Talk.",
      verifyUnknown: "Diese Adresse ist dem Adressdienst von Business Talk nicht bekannt. Pr\xFCfen Sie sie; Sie k\xF6nnen sie trotzdem speichern, wenn das Formular sie annimmt.",
      verifyEmpty: "F\xFCllen Sie die Adresse aus, bevor Sie sie pr\xFCfen.",
      verifyFailed: "Die Adresse konnte nicht gepr\xFCft werden: {message}",
      verifyUnavailable: "F\xFCr dieses Land ist keine Adresspr\xFCfung verf\xFCgbar.",
      searchUnavailable: "F\xFCr dieses Land ist keine Adresssuche verf\xFCgbar: F\xFCllen Sie die Felder unten aus.",
      normalized: "Ge\xE4ndert in \u201E{value}\u201C.",
      formatHint: "erwartetes Format: {format} ({legend})",
      formatHintExample: "erwartetes Format: {format}, zum Beispiel {example} ({legend})",
      formatExampleOnly: "zum Beispiel {example}",
      // The format's placeholders (the core names them: 9 = digit, A = capital letter, a, X).
      "legend.digit": "Ziffer",
      "legend.capitalLetter": "Gro\xDFbuchstabe",
      "legend.letter": "Buchstabe",
      "legend.smallLetter": "Kleinbuchstabe",
      "legend.letterOrDigit": "Buchstabe oder Ziffer",
      "problem.valueMissing": "{label}: Dieses Feld ist ein Pflichtfeld.",
      "problem.tooShort": "{label}: mindestens {min} Zeichen.",
      "problem.tooLong": "{label}: h\xF6chstens {max} Zeichen.",
      "problem.typeMismatch": "{label}: nur Ziffern (0 bis 9).",
      "problem.patternMismatch": "{label}: Das Format ist ung\xFCltig.",
      "problem.patternMismatchHint": "{label}: Das Format ist ung\xFCltig; {hint}.",
      "problem.notAllowed": "{label}: Dieser Wert ist nicht zul\xE4ssig.",
      "problem.unknownField": "{label}: Dieses Feld gibt es f\xFCr dieses Land nicht.",
      "element.a1": "Bundesland oder Region",
      "element.a2": "Kreis oder Bezirk",
      "element.a3": "Ort",
      "element.a4": "Ortsteil",
      "element.a5": "Wohnviertel",
      "element.a6": "Stra\xDFe",
      "element.hno": "Hausnummer",
      "element.hns": "Hausnummernzusatz",
      "element.sts": "Stra\xDFentyp",
      "element.flr": "Stockwerk",
      "element.bld": "Geb\xE4ude",
      "element.room": "Raum",
      "element.pc": "Postleitzahl",
      "element.pcn": "Postalischer Ortsname",
      "element.pobox": "Postfach",
      "element.prd": "Richtungsangabe vor der Stra\xDFe",
      "element.pod": "Richtungsangabe nach der Stra\xDFe",
      "element.unit": "Einheit",
      "element.addrExtInfo": "Adresszusatz {n}"
    };
  }
});

// ../node_modules/btalk-forms/web/components/address-form/i18n/es.js
var es_exports = {};
__export(es_exports, {
  default: () => es_default
});
var es_default;
var init_es = __esm({
  "../node_modules/btalk-forms/web/components/address-form/i18n/es.js"() {
    es_default = {
      loading: "Cargando\u2026",
      loadingCountry: "Cargando el formulario de direcci\xF3n\u2026",
      loadingAreas: "Cargando las opciones de {label}\u2026",
      searching: "Buscando direcciones\u2026",
      saving: "Guardando la direcci\xF3n\u2026",
      retry: "Reintentar",
      noCountry: "Elija un pa\xEDs para introducir la direcci\xF3n.",
      loadFailed: "No se pudo cargar el formulario de direcci\xF3n: {message}",
      areasFailed: "No se pudieron cargar las opciones de {label}: {message}",
      searchFailed: "La b\xFAsqueda de direcciones ha fallado: {message}",
      saveFailed: "No se pudo guardar la direcci\xF3n: {message}",
      coreFailed: "No se pudo comprobar la direcci\xF3n: {message}",
      errorStatus: "(HTTP {status})",
      choose: "Elegir\u2026",
      none: "(ninguno)",
      chooseParentFirst: "Elija primero: {label}",
      requiredMark: "*",
      requiredText: "(obligatorio)",
      moreInfo: "M\xE1s informaci\xF3n sobre \xAB{label}\xBB",
      opensNewWindow: "(se abre en una ventana nueva)",
      dialZoneLabel: "Zona de marcaci\xF3n",
      dialZoneDescription: "La zona de marcaci\xF3n local del sitio (Business Talk no la comprueba).",
      searchLabel: "Buscar la direcci\xF3n",
      searchDescription: "Escriba parte de la direcci\xF3n y el\xEDjala en la lista para rellenar el formulario.",
      searchNone: "No se ha encontrado ninguna direcci\xF3n.",
      "searchFound.one": "1 direcci\xF3n encontrada. Use las flechas para elegirla y pulse Intro.",
      "searchFound.other": "{count} direcciones encontradas. Use las flechas para elegir una y pulse Intro.",
      candidateChosen: "Direcci\xF3n rellenada: {label}",
      summaryTitle: "Corrija lo siguiente:",
      summaryOther: "{message}",
      save: "Guardar la direcci\xF3n",
      saved: "La direcci\xF3n se ha guardado para el voicesite {voiceSiteId}.",
      serverRejected: "Business Talk ha rechazado la direcci\xF3n: {message}",
      invalidAddress: "La direcci\xF3n tiene errores: corrija los campos marcados.",
      notLoaded: "El formulario de direcci\xF3n a\xFAn no se ha cargado.",
      constraintBroken: "La regla de la API para este campo no es v\xE1lida: {message}",
      unknownValue: "{value} (no est\xE1 en la lista)",
      postalCodesSearching: "Buscando c\xF3digos postales\u2026",
      postalCodesFailed: "La b\xFAsqueda de c\xF3digos postales ha fallado: {message}",
      postalCodesNone: "No se ha encontrado ning\xFAn c\xF3digo postal.",
      "postalCodesFound.one": "1 c\xF3digo postal encontrado. Use Tab o las flechas para elegirlo.",
      "postalCodesFound.other": "{count} c\xF3digos postales encontrados. Use Tab o las flechas para elegir uno.",
      postalCodeChosen: "C\xF3digo postal {label} elegido; campos rellenados: {fields}.",
      verify: "Comprobar la direcci\xF3n",
      verifying: "Comprobando la direcci\xF3n\u2026",
      verifyFound: "Direcci\xF3n encontrada.",
      verifyFoundOtherFormat: "Direcci\xF3n encontrada. Business Talk la escribe as\xED: {label}",
      verifyUseFormat: "Usar este formato",
      verifyApplied: "La direcci\xF3n usa ahora el formato de Business Talk.",
      verifyUnknown: "El servicio de direcciones de Business Talk no conoce esta direcci\xF3n. Rev\xEDsela; puede guardarla igualmente si el formulario la acepta.",
      verifyEmpty: "Rellene la direcci\xF3n antes de comprobarla.",
      verifyFailed: "No se pudo comprobar la direcci\xF3n: {message}",
      verifyUnavailable: "La comprobaci\xF3n de direcciones no est\xE1 disponible para este pa\xEDs.",
      searchUnavailable: "La b\xFAsqueda de direcciones no est\xE1 disponible para este pa\xEDs: rellene los campos siguientes.",
      normalized: "Cambiado a \xAB{value}\xBB.",
      formatHint: "formato esperado: {format} ({legend})",
      formatHintExample: "formato esperado: {format}, por ejemplo {example} ({legend})",
      formatExampleOnly: "por ejemplo {example}",
      // The format's placeholders (the core names them: 9 = digit, A = capital letter, a, X).
      "legend.digit": "cifra",
      "legend.capitalLetter": "letra may\xFAscula",
      "legend.letter": "letra",
      "legend.smallLetter": "letra min\xFAscula",
      "legend.letterOrDigit": "letra o cifra",
      "problem.valueMissing": "{label}: este campo es obligatorio.",
      "problem.tooShort": "{label}: al menos {min} caracteres.",
      "problem.tooLong": "{label}: como m\xE1ximo {max} caracteres.",
      "problem.typeMismatch": "{label}: solo cifras (0 a 9).",
      "problem.patternMismatch": "{label}: el formato no es v\xE1lido.",
      "problem.patternMismatchHint": "{label}: el formato no es v\xE1lido; {hint}.",
      "problem.notAllowed": "{label}: este valor no est\xE1 permitido.",
      "problem.unknownField": "{label}: este campo no existe para este pa\xEDs.",
      "element.a1": "Estado o regi\xF3n",
      "element.a2": "Provincia o distrito",
      "element.a3": "Ciudad",
      "element.a4": "Barrio o distrito",
      "element.a5": "Vecindario",
      "element.a6": "Nombre de la v\xEDa",
      "element.hno": "N\xFAmero",
      "element.hns": "Sufijo del n\xFAmero",
      "element.sts": "Tipo de v\xEDa",
      "element.flr": "Planta",
      "element.bld": "Edificio",
      "element.room": "Sala",
      "element.pc": "C\xF3digo postal",
      "element.pcn": "Localidad postal",
      "element.pobox": "Apartado de correos",
      "element.prd": "Orientaci\xF3n antes de la v\xEDa",
      "element.pod": "Orientaci\xF3n despu\xE9s de la v\xEDa",
      "element.unit": "Puerta o local",
      "element.addrExtInfo": "Informaci\xF3n adicional {n}"
    };
  }
});

// ../node_modules/btalk-forms/web/components/address-form/i18n/it.js
var it_exports = {};
__export(it_exports, {
  default: () => it_default
});
var it_default;
var init_it = __esm({
  "../node_modules/btalk-forms/web/components/address-form/i18n/it.js"() {
    it_default = {
      loading: "Caricamento\u2026",
      loadingCountry: "Caricamento del modulo dell\u2019indirizzo\u2026",
      loadingAreas: "Caricamento delle scelte per {label}\u2026",
      searching: "Ricerca degli indirizzi\u2026",
      saving: "Salvataggio dell\u2019indirizzo\u2026",
      retry: "Riprova",
      noCountry: "Scegli un paese per inserire l\u2019indirizzo.",
      loadFailed: "Impossibile caricare il modulo dell\u2019indirizzo: {message}",
      areasFailed: "Impossibile caricare le scelte per {label}: {message}",
      searchFailed: "La ricerca dell\u2019indirizzo non \xE8 riuscita: {message}",
      saveFailed: "Impossibile salvare l\u2019indirizzo: {message}",
      coreFailed: "Impossibile controllare l\u2019indirizzo: {message}",
      errorStatus: "(HTTP {status})",
      choose: "Scegli\u2026",
      none: "(nessuno)",
      chooseParentFirst: "Scegli prima: {label}",
      requiredMark: "*",
      requiredText: "(obbligatorio)",
      moreInfo: "Ulteriori informazioni su \xAB{label}\xBB",
      opensNewWindow: "(si apre in una nuova finestra)",
      dialZoneLabel: "Distretto telefonico",
      dialZoneDescription: "Il distretto telefonico locale della sede (non verificato da Business Talk).",
      searchLabel: "Cerca l\u2019indirizzo",
      searchDescription: "Digita una parte dell\u2019indirizzo, poi sceglilo nell\u2019elenco per compilare il modulo.",
      searchNone: "Nessun indirizzo trovato.",
      "searchFound.one": "1 indirizzo trovato. Usa le frecce per sceglierlo, poi Invio.",
      "searchFound.other": "{count} indirizzi trovati. Usa le frecce per sceglierne uno, poi Invio.",
      candidateChosen: "Indirizzo compilato: {label}",
      summaryTitle: "Correggi quanto segue:",
      summaryOther: "{message}",
      save: "Salva l\u2019indirizzo",
      saved: "L\u2019indirizzo \xE8 stato salvato per il voicesite {voiceSiteId}.",
      serverRejected: "Business Talk ha rifiutato l\u2019indirizzo: {message}",
      invalidAddress: "L\u2019indirizzo contiene errori: correggi i campi evidenziati.",
      notLoaded: "Il modulo dell\u2019indirizzo non \xE8 ancora caricato.",
      constraintBroken: "La regola dell\u2019API per questo campo non \xE8 valida: {message}",
      unknownValue: "{value} (non presente nell\u2019elenco)",
      postalCodesSearching: "Ricerca dei codici postali\u2026",
      postalCodesFailed: "La ricerca del codice postale non \xE8 riuscita: {message}",
      postalCodesNone: "Nessun codice postale trovato.",
      "postalCodesFound.one": "1 codice postale trovato. Usa Tab o le frecce per sceglierlo.",
      "postalCodesFound.other": "{count} codici postali trovati. Usa Tab o le frecce per sceglierne uno.",
      postalCodeChosen: "Codice postale {label} scelto; campi compilati: {fields}.",
      verify: "Verifica l\u2019indirizzo",
      verifying: "Verifica dell\u2019indirizzo\u2026",
      verifyFound: "Indirizzo trovato.",
      verifyFoundOtherFormat: "Indirizzo trovato. Business Talk lo scrive cos\xEC: {label}",
      verifyUseFormat: "Usa questo formato",
      verifyApplied: "L\u2019indirizzo ora usa il formato di Business Talk.",
      verifyUnknown: "Questo indirizzo non \xE8 noto al servizio indirizzi di Business Talk. Controllalo; puoi comunque salvarlo se il modulo lo accetta.",
      verifyEmpty: "Compila l\u2019indirizzo prima di verificarlo.",
      verifyFailed: "Impossibile verificare l\u2019indirizzo: {message}",
      verifyUnavailable: "La verifica dell\u2019indirizzo non \xE8 disponibile per questo paese.",
      searchUnavailable: "La ricerca dell\u2019indirizzo non \xE8 disponibile per questo paese: compila i campi qui sotto.",
      normalized: "Modificato in \xAB{value}\xBB.",
      formatHint: "formato previsto: {format} ({legend})",
      formatHintExample: "formato previsto: {format}, per esempio {example} ({legend})",
      formatExampleOnly: "per esempio {example}",
      // The format's placeholders (the core names them: 9 = digit, A = capital letter, a, X).
      "legend.digit": "cifra",
      "legend.capitalLetter": "lettera maiuscola",
      "legend.letter": "lettera",
      "legend.smallLetter": "lettera minuscola",
      "legend.letterOrDigit": "lettera o cifra",
      "problem.valueMissing": "{label}: questo campo \xE8 obbligatorio.",
      "problem.tooShort": "{label}: almeno {min} caratteri.",
      "problem.tooLong": "{label}: al massimo {max} caratteri.",
      "problem.typeMismatch": "{label}: solo cifre (da 0 a 9).",
      "problem.patternMismatch": "{label}: il formato non \xE8 valido.",
      "problem.patternMismatchHint": "{label}: il formato non \xE8 valido; {hint}.",
      "problem.notAllowed": "{label}: questo valore non \xE8 consentito.",
      "problem.unknownField": "{label}: questo campo non esiste per questo paese.",
      "element.a1": "Stato o regione",
      "element.a2": "Provincia o distretto",
      "element.a3": "Citt\xE0",
      "element.a4": "Frazione o quartiere",
      "element.a5": "Zona",
      "element.a6": "Nome della via",
      "element.hno": "Numero civico",
      "element.hns": "Suffisso del numero civico",
      "element.sts": "Tipo di via",
      "element.flr": "Piano",
      "element.bld": "Edificio",
      "element.room": "Stanza",
      "element.pc": "Codice postale",
      "element.pcn": "Localit\xE0 postale",
      "element.pobox": "Casella postale",
      "element.prd": "Direzione prima della via",
      "element.pod": "Direzione dopo la via",
      "element.unit": "Interno",
      "element.addrExtInfo": "Informazioni aggiuntive {n}"
    };
  }
});

// ../node_modules/btalk-forms/web/components/address-form/i18n/nl.js
var nl_exports = {};
__export(nl_exports, {
  default: () => nl_default
});
var nl_default;
var init_nl = __esm({
  "../node_modules/btalk-forms/web/components/address-form/i18n/nl.js"() {
    nl_default = {
      loading: "Bezig met laden\u2026",
      loadingCountry: "Het adresformulier wordt geladen\u2026",
      loadingAreas: "De keuzes voor {label} worden geladen\u2026",
      searching: "Adressen zoeken\u2026",
      saving: "Het adres wordt opgeslagen\u2026",
      retry: "Opnieuw proberen",
      noCountry: "Kies een land om het adres in te vullen.",
      loadFailed: "Het adresformulier kon niet worden geladen: {message}",
      areasFailed: "De keuzes voor {label} konden niet worden geladen: {message}",
      searchFailed: "Het zoeken naar het adres is mislukt: {message}",
      saveFailed: "Het adres kon niet worden opgeslagen: {message}",
      coreFailed: "Het adres kon niet worden gecontroleerd: {message}",
      errorStatus: "(HTTP {status})",
      choose: "Kies\u2026",
      none: "(geen)",
      chooseParentFirst: "Kies eerst: {label}",
      requiredMark: "*",
      requiredText: "(verplicht)",
      moreInfo: "Meer informatie over \u2018{label}\u2019",
      opensNewWindow: "(opent in een nieuw venster)",
      dialZoneLabel: "Netnummergebied",
      dialZoneDescription: "Het netnummergebied van de locatie (niet gecontroleerd door Business Talk).",
      searchLabel: "Adres zoeken",
      searchDescription: "Typ een deel van het adres en kies het in de lijst om het formulier in te vullen.",
      searchNone: "Geen adres gevonden.",
      "searchFound.one": "1 adres gevonden. Kies het met de pijltjestoetsen en druk op Enter.",
      "searchFound.other": "{count} adressen gevonden. Kies er een met de pijltjestoetsen en druk op Enter.",
      candidateChosen: "Adres ingevuld: {label}",
      summaryTitle: "Corrigeer het volgende:",
      summaryOther: "{message}",
      save: "Adres opslaan",
      saved: "Het adres is opgeslagen voor voicesite {voiceSiteId}.",
      serverRejected: "Business Talk heeft het adres geweigerd: {message}",
      invalidAddress: "Het adres bevat fouten: corrigeer de gemarkeerde velden.",
      notLoaded: "Het adresformulier is nog niet geladen.",
      constraintBroken: "De regel van de API voor dit veld is ongeldig: {message}",
      unknownValue: "{value} (staat niet in de lijst)",
      postalCodesSearching: "Postcodes zoeken\u2026",
      postalCodesFailed: "Het zoeken naar de postcode is mislukt: {message}",
      postalCodesNone: "Geen postcode gevonden.",
      "postalCodesFound.one": "1 postcode gevonden. Kies hem met Tab of de pijltjestoetsen.",
      "postalCodesFound.other": "{count} postcodes gevonden. Kies er een met Tab of de pijltjestoetsen.",
      postalCodeChosen: "Postcode {label} gekozen; ingevuld: {fields}.",
      verify: "Adres controleren",
      verifying: "Het adres wordt gecontroleerd\u2026",
      verifyFound: "Adres gevonden.",
      verifyFoundOtherFormat: "Adres gevonden. Business Talk schrijft het zo: {label}",
      verifyUseFormat: "Deze schrijfwijze gebruiken",
      verifyApplied: "Het adres gebruikt nu de schrijfwijze van Business Talk.",
      verifyUnknown: "Dit adres is niet bekend bij de adresdienst van Business Talk. Controleer het; u kunt het toch opslaan als het formulier het accepteert.",
      verifyEmpty: "Vul het adres in voordat u het controleert.",
      verifyFailed: "Het adres kon niet worden gecontroleerd: {message}",
      verifyUnavailable: "Adrescontrole is voor dit land niet beschikbaar.",
      searchUnavailable: "Adres zoeken is voor dit land niet beschikbaar: vul de velden hieronder in.",
      normalized: "Gewijzigd in \u2018{value}\u2019.",
      formatHint: "verwachte notatie: {format} ({legend})",
      formatHintExample: "verwachte notatie: {format}, bijvoorbeeld {example} ({legend})",
      formatExampleOnly: "bijvoorbeeld {example}",
      // The format's placeholders (the core names them: 9 = digit, A = capital letter, a, X).
      "legend.digit": "cijfer",
      "legend.capitalLetter": "hoofdletter",
      "legend.letter": "letter",
      "legend.smallLetter": "kleine letter",
      "legend.letterOrDigit": "letter of cijfer",
      "problem.valueMissing": "{label}: dit veld is verplicht.",
      "problem.tooShort": "{label}: minstens {min} tekens.",
      "problem.tooLong": "{label}: hoogstens {max} tekens.",
      "problem.typeMismatch": "{label}: alleen cijfers (0 tot 9).",
      "problem.patternMismatch": "{label}: de notatie is ongeldig.",
      "problem.patternMismatchHint": "{label}: de notatie is ongeldig; {hint}.",
      "problem.notAllowed": "{label}: deze waarde is niet toegestaan.",
      "problem.unknownField": "{label}: dit veld bestaat niet voor dit land.",
      "element.a1": "Staat of regio",
      "element.a2": "Provincie of district",
      "element.a3": "Plaats",
      "element.a4": "Wijk",
      "element.a5": "Buurt",
      "element.a6": "Straatnaam",
      "element.hno": "Huisnummer",
      "element.hns": "Huisnummertoevoeging",
      "element.sts": "Straattype",
      "element.flr": "Verdieping",
      "element.bld": "Gebouw",
      "element.room": "Ruimte",
      "element.pc": "Postcode",
      "element.pcn": "Postale plaatsnaam",
      "element.pobox": "Postbus",
      "element.prd": "Richting v\xF3\xF3r de straat",
      "element.pod": "Richting na de straat",
      "element.unit": "Eenheid",
      "element.addrExtInfo": "Aanvullende informatie {n}"
    };
  }
});

// ../node_modules/btalk-forms/web/components/address-form/i18n/pt.js
var pt_exports = {};
__export(pt_exports, {
  default: () => pt_default
});
var pt_default;
var init_pt = __esm({
  "../node_modules/btalk-forms/web/components/address-form/i18n/pt.js"() {
    pt_default = {
      loading: "A carregar\u2026",
      loadingCountry: "A carregar o formul\xE1rio de morada\u2026",
      loadingAreas: "A carregar as op\xE7\xF5es de {label}\u2026",
      searching: "A procurar moradas\u2026",
      saving: "A guardar a morada\u2026",
      retry: "Tentar novamente",
      noCountry: "Escolha um pa\xEDs para introduzir a morada.",
      loadFailed: "N\xE3o foi poss\xEDvel carregar o formul\xE1rio de morada: {message}",
      areasFailed: "N\xE3o foi poss\xEDvel carregar as op\xE7\xF5es de {label}: {message}",
      searchFailed: "A pesquisa de moradas falhou: {message}",
      saveFailed: "N\xE3o foi poss\xEDvel guardar a morada: {message}",
      coreFailed: "N\xE3o foi poss\xEDvel verificar a morada: {message}",
      errorStatus: "(HTTP {status})",
      choose: "Escolher\u2026",
      none: "(nenhum)",
      chooseParentFirst: "Escolha primeiro: {label}",
      requiredMark: "*",
      requiredText: "(obrigat\xF3rio)",
      moreInfo: "Mais informa\xE7\xF5es sobre \xAB{label}\xBB",
      opensNewWindow: "(abre numa nova janela)",
      dialZoneLabel: "Zona de numera\xE7\xE3o",
      dialZoneDescription: "A zona de numera\xE7\xE3o local do site (n\xE3o verificada pela Business Talk).",
      searchLabel: "Procurar a morada",
      searchDescription: "Escreva parte da morada e escolha-a na lista para preencher o formul\xE1rio.",
      searchNone: "Nenhuma morada encontrada.",
      "searchFound.one": "1 morada encontrada. Use as setas para a escolher e prima Enter.",
      "searchFound.other": "{count} moradas encontradas. Use as setas para escolher uma e prima Enter.",
      candidateChosen: "Morada preenchida: {label}",
      summaryTitle: "Corrija o seguinte:",
      summaryOther: "{message}",
      save: "Guardar a morada",
      saved: "A morada foi guardada para o voicesite {voiceSiteId}.",
      serverRejected: "A Business Talk recusou a morada: {message}",
      invalidAddress: "A morada tem erros: corrija os campos assinalados.",
      notLoaded: "O formul\xE1rio de morada ainda n\xE3o foi carregado.",
      constraintBroken: "A regra da API para este campo n\xE3o \xE9 v\xE1lida: {message}",
      unknownValue: "{value} (n\xE3o consta da lista)",
      postalCodesSearching: "A procurar c\xF3digos postais\u2026",
      postalCodesFailed: "A pesquisa de c\xF3digos postais falhou: {message}",
      postalCodesNone: "Nenhum c\xF3digo postal encontrado.",
      "postalCodesFound.one": "1 c\xF3digo postal encontrado. Use Tab ou as setas para o escolher.",
      "postalCodesFound.other": "{count} c\xF3digos postais encontrados. Use Tab ou as setas para escolher um.",
      postalCodeChosen: "C\xF3digo postal {label} escolhido; campos preenchidos: {fields}.",
      verify: "Verificar a morada",
      verifying: "A verificar a morada\u2026",
      verifyFound: "Morada encontrada.",
      verifyFoundOtherFormat: "Morada encontrada. A Business Talk escreve-a assim: {label}",
      verifyUseFormat: "Usar este formato",
      verifyApplied: "A morada usa agora o formato da Business Talk.",
      verifyUnknown: "Esta morada n\xE3o \xE9 conhecida pelo servi\xE7o de moradas da Business Talk. Verifique-a; pode guard\xE1-la na mesma se o formul\xE1rio a aceitar.",
      verifyEmpty: "Preencha a morada antes de a verificar.",
      verifyFailed: "N\xE3o foi poss\xEDvel verificar a morada: {message}",
      verifyUnavailable: "A verifica\xE7\xE3o de moradas n\xE3o est\xE1 dispon\xEDvel para este pa\xEDs.",
      searchUnavailable: "A pesquisa de moradas n\xE3o est\xE1 dispon\xEDvel para este pa\xEDs: preencha os campos abaixo.",
      normalized: "Alterado para \xAB{value}\xBB.",
      formatHint: "formato esperado: {format} ({legend})",
      formatHintExample: "formato esperado: {format}, por exemplo {example} ({legend})",
      formatExampleOnly: "por exemplo {example}",
      // The format's placeholders (the core names them: 9 = digit, A = capital letter, a, X).
      "legend.digit": "algarismo",
      "legend.capitalLetter": "letra mai\xFAscula",
      "legend.letter": "letra",
      "legend.smallLetter": "letra min\xFAscula",
      "legend.letterOrDigit": "letra ou algarismo",
      "problem.valueMissing": "{label}: este campo \xE9 obrigat\xF3rio.",
      "problem.tooShort": "{label}: pelo menos {min} caracteres.",
      "problem.tooLong": "{label}: no m\xE1ximo {max} caracteres.",
      "problem.typeMismatch": "{label}: apenas algarismos (0 a 9).",
      "problem.patternMismatch": "{label}: o formato n\xE3o \xE9 v\xE1lido.",
      "problem.patternMismatchHint": "{label}: o formato n\xE3o \xE9 v\xE1lido; {hint}.",
      "problem.notAllowed": "{label}: este valor n\xE3o \xE9 permitido.",
      "problem.unknownField": "{label}: este campo n\xE3o existe para este pa\xEDs.",
      "element.a1": "Estado ou regi\xE3o",
      "element.a2": "Concelho ou distrito",
      "element.a3": "Localidade",
      "element.a4": "Freguesia ou bairro",
      "element.a5": "Bairro",
      "element.a6": "Nome da rua",
      "element.hno": "N\xFAmero de porta",
      "element.hns": "Sufixo do n\xFAmero",
      "element.sts": "Tipo de via",
      "element.flr": "Andar",
      "element.bld": "Edif\xEDcio",
      "element.room": "Sala",
      "element.pc": "C\xF3digo postal",
      "element.pcn": "Localidade postal",
      "element.pobox": "Apartado",
      "element.prd": "Orienta\xE7\xE3o antes da rua",
      "element.pod": "Orienta\xE7\xE3o depois da rua",
      "element.unit": "Fra\xE7\xE3o",
      "element.addrExtInfo": "Informa\xE7\xE3o adicional {n}"
    };
  }
});

// ../node_modules/btalk-forms/web/internal/core-instance.js
function compileAndKeep(bytes, keep, fail) {
  return (imports, receive) => {
    (async () => {
      const module = await WebAssembly.compile(await bytes());
      keep(module);
      receive(await WebAssembly.instantiate(module, imports), module);
    })().catch(fail);
    return {};
  };
}
function instantiateNow(createModule, compiled, settings) {
  const module = {
    ...settings,
    instantiateWasm(imports, receive) {
      receive(new WebAssembly.Instance(compiled, imports), compiled);
      return {};
    }
  };
  createModule(module).catch(() => {
  });
  if (typeof module.validateAddress !== "function") throw new Error("the core did not start synchronously");
  return module;
}
var CoreInstance = class {
  #module;
  #restart;
  constructor(module, restart) {
    this.#module = module;
    this.#restart = restart;
    this.generation = 0;
  }
  /** The live Emscripten module; builds a fresh one first when the last one was dropped. */
  get module() {
    if (!this.#module) {
      this.#module = this.#restart();
      this.generation += 1;
    }
    return this.#module;
  }
  /** Calls the core function `name`; on any throw the instance is dropped, then the error rethrown. */
  call(name, ...args) {
    const module = this.module;
    try {
      return module[name](...args);
    } catch (cause) {
      if (this.#module === module) this.#module = null;
      throw cause;
    }
  }
};

// ../node_modules/btalk-forms/web/internal/wasm-file.js
async function readWasmFile(url) {
  const fs = globalThis.process?.getBuiltinModule?.("node:fs/promises");
  if (!fs) throw new Error(`${url} is a file and this runtime cannot read files: pass loadCore({ wasmBinary }) or a wasmUrl`);
  return fs.readFile(url);
}

// ../node_modules/btalk-forms/web/internal/core-envelope.js
var BtalkCoreError = class extends Error {
  constructor(code, message, problems) {
    super(message);
    this.name = "BtalkCoreError";
    this.code = code;
    if (problems) this.problems = problems;
  }
};
var loneSurrogate = /\p{Cs}/gu;
function toText(value, what) {
  if (typeof value === "string") return value.replace(loneSurrogate, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  if (value === void 0 || value === null) return "";
  try {
    return JSON.stringify(value);
  } catch (cause) {
    throw new BtalkCoreError("invalidInput", `${what} cannot be converted to JSON: ${cause.message}`);
  }
}
function unwrap(text) {
  let envelope;
  try {
    envelope = JSON.parse(text);
  } catch {
    throw new BtalkCoreError("internal", "The core returned an unreadable answer.");
  }
  if (envelope && "ok" in envelope) return envelope.ok;
  const error = envelope?.error ?? {};
  throw new BtalkCoreError(error.code ?? "internal", error.message ?? "The core rejected the input.", error.problems);
}

// ../node_modules/btalk-forms/web/internal/core-compiled.js
var disposeSymbol = Symbol.dispose ?? /* @__PURE__ */ Symbol.for("Symbol.dispose");
var isWellFormed = String.prototype.isWellFormed ? (text) => text.isWellFormed() : (text) => !/[\uD800-\uDFFF]/u.test(text);
var toWellFormed = (text) => text.replace(/[\uD800-\uDFFF]/gu, "\uFFFD");
var PACK_LIMIT = 1 << 20;
var VALIDATE_CACHE_SIZE = 8;
function pack(shape, address) {
  if (typeof address !== "object" || address === null || Array.isArray(address) || typeof address.toJSON === "function") return null;
  const { names, count } = shape;
  let flags = "";
  let texts = "";
  let found = 0;
  for (let i = 0; i <= count; i += 1) {
    const name = i < count ? names[i] : "dialZone";
    if (i === count && shape.dialZoneIsField) {
      flags += "0";
      break;
    }
    const value = address[name];
    if (value === void 0) {
      flags += "0";
      continue;
    }
    if (!Object.hasOwn(address, name)) {
      flags += "0";
      continue;
    }
    found += 1;
    switch (typeof value) {
      case "string":
        if (value.includes("\0")) return null;
        if (isWellFormed(value)) {
          flags += "t";
          texts += `${value}\0`;
        } else {
          flags += "u";
          texts += `${toWellFormed(value)}\0`;
        }
        break;
      case "number":
        if (Number.isSafeInteger(value)) {
          flags += "t";
          texts += `${value}\0`;
        } else if (Number.isFinite(value)) {
          return null;
        } else {
          flags += "0";
        }
        break;
      case "boolean":
        flags += "x";
        break;
      case "object":
        if (value !== null) return null;
        flags += "0";
        break;
      case "function":
      case "symbol":
        flags += "0";
        break;
      default:
        return null;
    }
  }
  let keys = 0;
  for (const key in address) if (Object.hasOwn(address, key)) keys += 1;
  if (keys === found) return `${flags}0\0${texts}`;
  let unknown = "";
  let unknownCount = 0;
  for (const key of Object.keys(address)) {
    if (shape.index.has(key) || key === "dialZone" && !shape.dialZoneIsField) continue;
    const value = address[key];
    if (value === void 0 || typeof value === "function" || typeof value === "symbol") continue;
    if (typeof value === "bigint" || typeof value === "object" && value !== null || key.includes("\0") || !isWellFormed(key)) return null;
    unknown += `${key}\0`;
    unknownCount += 1;
  }
  return `${flags}${unknownCount}\0${texts}${unknown}`;
}
function compiledApi(core, dialZoneOf) {
  const raw = (name, ...args) => {
    try {
      return core.invoke(name, ...args);
    } catch (cause) {
      throw new BtalkCoreError("internal", `The core failed unexpectedly: ${cause?.message ?? cause}`);
    }
  };
  const call = (name, ...args) => unwrap(raw(name, ...args));
  const release = (shape) => {
    if (shape.module !== core.module()) return;
    try {
      core.invoke("releaseCompiled", shape.handle);
    } catch {
    }
  };
  const registry = typeof FinalizationRegistry === "function" ? new FinalizationRegistry(release) : null;
  const open = (constraintsText, geoText) => {
    const module = core.module();
    const answer = call("compileConstraints", constraintsText, geoText);
    return {
      module,
      handle: answer.handle,
      names: answer.fields,
      count: answer.fields.length,
      index: new Map(answer.fields.map((name, i) => [name, i])),
      dialZoneIsField: answer.dialZoneIsField
    };
  };
  const optionsText = (options) => options?.geoAreas ? toText({ geoAreas: options.geoAreas }, "options") : "";
  const encoder = typeof TextEncoder === "function" ? new TextEncoder() : null;
  let input = null;
  const inputFor = (module) => {
    if (input?.module === module) return input;
    input = null;
    if (!encoder || !module.HEAPU8 || !module._btalk_input_buffer || !module._btalk_validate_input) return null;
    input = {
      module,
      ptr: 0,
      capacity: 0,
      view: null,
      validate(handle, packed) {
        const need = packed.length * 3;
        if (need > this.capacity) {
          this.ptr = raw("_btalk_input_buffer", need);
          this.capacity = need;
          this.view = null;
        }
        if (!this.view || this.view.buffer !== module.HEAPU8.buffer) {
          this.view = module.HEAPU8.subarray(this.ptr, this.ptr + this.capacity);
        }
        const { written } = encoder.encodeInto(packed, this.view);
        return raw("_btalk_validate_input", handle, written);
      }
    };
    return input;
  };
  const validateWith = (shape, address, options) => {
    const opts = optionsText(options);
    const fast = opts === "" ? inputFor(shape.module) : null;
    const packed = typeof address === "string" || !fast ? null : pack(shape, address);
    if (packed === null || packed.length > PACK_LIMIT) {
      return call("compiledValidate", shape.handle, toText(address, "address"), opts);
    }
    if (fast.validate(shape.handle, packed) === 0) return { valid: true, problems: [] };
    return { valid: false, problems: unwrap(raw("compiledLastAnswer"))[0][1] };
  };
  const validateManyWith = (shape, addresses, options) => {
    if (!Array.isArray(addresses)) throw new BtalkCoreError("invalidInput", "validateMany() takes an array of addresses.");
    const opts = optionsText(options);
    const one = (i) => {
      try {
        return call("compiledValidate", shape.handle, toText(addresses[i], "address"), opts);
      } catch (error) {
        if (error instanceof BtalkCoreError) error.message = `addresses[${i}]: ${error.message}`;
        throw error;
      }
    };
    const fast = opts === "" ? inputFor(shape.module) : null;
    if (!fast) return addresses.map((_, i) => one(i));
    const results = new Array(addresses.length);
    let packed = "";
    let first = 0;
    const flush = (end) => {
      if (packed !== "" && fast.validate(shape.handle, packed) !== 0) {
        for (const [i, problems] of unwrap(raw("compiledLastAnswer"))) results[first + i] = { valid: false, problems };
      }
      packed = "";
      first = end;
    };
    const slow = [];
    for (let i = 0; i < addresses.length; i += 1) {
      let record = pack(shape, addresses[i]);
      if (record === null || record.length > PACK_LIMIT) {
        slow.push(i);
        record = `${"0".repeat(shape.count + 1)}0\0`;
      }
      if (packed.length + record.length > PACK_LIMIT) flush(i);
      packed += record;
    }
    flush(addresses.length);
    for (const i of slow) results[i] = one(i);
    for (let i = 0; i < results.length; i += 1) if (results[i] === void 0) results[i] = { valid: true, problems: [] };
    return results;
  };
  function compile(constraints, geographicalConstraints) {
    const constraintsText = toText(constraints, "constraints");
    const geoText = toText(geographicalConstraints, "geographicalConstraints");
    const areas = [];
    let shape = open(constraintsText, geoText);
    let disposed = false;
    let formText = null;
    const token = {};
    registry?.register(token, shape, token);
    const live = (what) => {
      if (disposed) {
        throw new BtalkCoreError(
          "disposed",
          `${what}() was called on compiled constraints that were disposed; compile them again with compileConstraints().`
        );
      }
      if (shape.module !== core.module()) {
        shape = open(constraintsText, geoText);
        for (const args of areas) call("compiledSetGeoAreas", shape.handle, ...args);
        registry?.unregister(token);
        registry?.register(token, shape, token);
      }
      return shape;
    };
    const dispose = () => {
      if (disposed) return;
      disposed = true;
      registry?.unregister(token);
      release(shape);
    };
    return Object.freeze({
      /** The field names in validation (form) order. */
      get fields() {
        return [...live("fields").names];
      },
      get disposed() {
        return disposed;
      },
      validate(address, options) {
        return validateWith(live("validate"), address, options);
      },
      validateMany(addresses, options) {
        return validateManyWith(live("validateMany"), addresses, options);
      },
      form() {
        const { handle } = live("form");
        formText ??= JSON.stringify(call("compiledForm", handle));
        return dialZoneOf(JSON.parse(formText));
      },
      setGeoAreas(level, parents, values) {
        const { handle } = live("setGeoAreas");
        if (!Number.isInteger(level)) throw new BtalkCoreError("invalidInput", "The geographical area level must be 1, 2, 3 or 4.");
        const args = [level, toText(parents ?? [], "parents"), toText(values ?? [], "values")];
        call("compiledSetGeoAreas", handle, ...args);
        areas.push(args);
      },
      clearGeoAreas() {
        call("compiledClearGeoAreas", live("clearGeoAreas").handle);
        areas.length = 0;
      },
      dispose,
      [disposeSymbol]: dispose
    });
  }
  const cache = /* @__PURE__ */ new Map();
  const cached = (constraintsText, geoText) => {
    const key = `${constraintsText.length}:${constraintsText}${geoText}`;
    let shape = cache.get(key);
    if (shape && shape.module === core.module()) {
      cache.delete(key);
      cache.set(key, shape);
      return shape;
    }
    cache.delete(key);
    try {
      shape = open(constraintsText, geoText);
    } catch {
      return null;
    }
    cache.set(key, shape);
    if (cache.size > VALIDATE_CACHE_SIZE) {
      const [oldKey, oldShape] = cache.entries().next().value;
      cache.delete(oldKey);
      release(oldShape);
    }
    return shape;
  };
  function validateAddress(constraints, address, options = {}) {
    const constraintsText = toText(constraints, "constraints");
    const plainOptions = options === null || options === void 0 || typeof options === "object" && !Array.isArray(options) && typeof options.toJSON !== "function";
    const geoText = plainOptions ? toText(options?.geographicalConstraints, "geographicalConstraints") : "";
    const shape = plainOptions ? cached(constraintsText, geoText) : null;
    if (!shape) {
      return call("validateAddress", constraintsText, toText(address, "address"), toText(options ?? {}, "options"));
    }
    return validateWith(shape, address, options);
  }
  return { compile, validateAddress };
}

// ../node_modules/btalk-forms/web/internal/core-api.js
var isNode = !!globalThis.process?.versions?.node;
var restarts = /* @__PURE__ */ new WeakMap();
function coreLoader(glue, wasmUrl) {
  let corePromise = null;
  const load2 = (options = {}) => {
    if (options.wasmUrl || options.moduleUrl || options.wasmBinary) {
      return instantiate(glue, wasmUrl, options).then(wrap);
    }
    if (!corePromise) {
      const promise = instantiate(glue, wasmUrl, options).then(wrap);
      corePromise = promise;
      promise.catch(() => {
        if (corePromise === promise) corePromise = null;
      });
    }
    return corePromise;
  };
  load2.current = () => corePromise;
  return load2;
}
function wasmLocation(wasmUrl, override) {
  if (!override) return wasmUrl;
  return new URL(String(override), globalThis.location?.href ?? wasmUrl);
}
function wasmBytes(wasmUrl, options) {
  if (options.wasmBinary) return Promise.resolve(options.wasmBinary);
  const url = wasmLocation(wasmUrl, options.wasmUrl);
  if (isNode && url.protocol === "file:") return readWasmFile(url);
  return (async () => {
    const response = await fetch(url.href, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
    return response.arrayBuffer();
  })();
}
async function instantiate(glue, wasmUrl, options) {
  const settings = {
    // The module must never write to the console on its own (it could echo input).
    print: () => {
    },
    printErr: () => {
    }
  };
  try {
    const bytes = wasmBytes(wasmUrl, options);
    bytes.catch(() => {
    });
    const create = options.moduleUrl ? (await import(
      /* @vite-ignore */
      /* webpackIgnore: true */
      String(options.moduleUrl)
    )).default : await glue();
    let compiled = null;
    let loadFailed;
    const failure = new Promise((resolve, reject) => {
      loadFailed = reject;
    });
    settings.instantiateWasm = compileAndKeep(() => bytes, (module2) => {
      compiled = module2;
    }, loadFailed);
    const module = await Promise.race([create(settings), failure]);
    restarts.set(module, () => instantiateNow(create, compiled, { print: settings.print, printErr: settings.printErr }));
    return module;
  } catch (cause) {
    throw new BtalkCoreError("loadFailed", `The btalk-forms core could not be loaded: ${cause?.message ?? cause}`);
  }
}
function exportOptions(options, keys) {
  if (options !== void 0 && options !== null && typeof options !== "object") {
    throw new BtalkCoreError("invalidOptions", "The options must be an object");
  }
  const out = {};
  for (const key of keys) {
    const value = options?.[key] ?? "";
    if (typeof value !== "string") throw new BtalkCoreError("invalidOptions", `${key} must be a string`);
    out[key] = value;
  }
  return out;
}
function wrap(module) {
  const instance = new CoreInstance(module, restarts.get(module));
  const call = (name, ...args) => {
    let text;
    try {
      text = instance.call(name, ...args);
    } catch (cause) {
      throw new BtalkCoreError("internal", `The core failed unexpectedly: ${cause?.message ?? cause}`);
    }
    return unwrap(text);
  };
  const variant = typeof module.validateOrder === "function" ? "full" : "address";
  const bound = (fn, method, impl) => typeof module[fn] === "function" ? impl : () => {
    throw new BtalkCoreError(
      "notInAddressCore",
      `${method}() is not in the address core (loadAddressCore()); load the full core with loadCore() to use it.`
    );
  };
  const dialZoneOf = (form) => {
    if (form.dialZone === null) delete form.dialZone;
    return form;
  };
  const compiled = compiledApi({ module: () => instance.module, invoke: (name, ...args) => instance.call(name, ...args) }, dialZoneOf);
  const api = {
    version: module.version(),
    /** 'full' (loadCore()) or 'address' (loadAddressCore(): the address form's functions only). */
    variant,
    addressForm(constraints, geographicalConstraints) {
      return dialZoneOf(call(
        "addressForm",
        toText(constraints, "constraints"),
        toText(geographicalConstraints, "geographicalConstraints")
      ));
    },
    validateAddress(constraints, address, options = {}) {
      return compiled.validateAddress(constraints, address, options);
    },
    compileConstraints(constraints, geographicalConstraints) {
      return compiled.compile(constraints, geographicalConstraints);
    },
    validateOrder: bound("validateOrder", "validateOrder", (order) => call("validateOrder", toText(order, "order"))),
    buildOrderRequest: bound(
      "buildOrderRequest",
      "buildOrderRequest",
      (order) => call("buildOrderRequest", toText(order, "order")).body
    ),
    parseResponse(kind, body) {
      return call("parseResponse", String(kind), toText(body, "body"));
    },
    // Normalisation, format hints, PIDF-LO and postal lines (facade_features.cc).
    normalizeAddress(constraints, address) {
      const text = toText(address, "address");
      const { changes } = call("normalizeAddress", toText(constraints, "constraints"), text);
      const canonical = { ...JSON.parse(text) };
      for (const change of changes) canonical[change.field] = change.to;
      return { address: canonical, changes };
    },
    formatExample(pattern) {
      if (typeof pattern !== "string") throw new BtalkCoreError("invalidInput", "The pattern must be a string.");
      return call("formatExample", pattern);
    },
    toCivicAddressXml(address, options = {}) {
      const o = exportOptions(options, ["country", "lang"]);
      return call("civicAddressXml", toText(address, "address"), o.country, o.lang).xml;
    },
    toPidfLo: bound("pidfLo", "toPidfLo", (address, options = {}) => {
      const o = exportOptions(options, ["entity", "country", "lang", "tupleId", "timestamp", "retentionExpiry", "method"]);
      const allowed = options?.retransmissionAllowed ?? false;
      if (typeof allowed !== "boolean") {
        throw new BtalkCoreError("invalidOptions", "retransmissionAllowed must be true or false");
      }
      return call(
        "pidfLo",
        toText(address, "address"),
        o.entity,
        o.country,
        o.lang,
        o.tupleId,
        o.timestamp,
        o.retentionExpiry,
        allowed,
        options?.method ?? "Manual"
      ).xml;
    }),
    formatAddress: bound("formatAddress", "formatAddress", (address, options = {}) => {
      const o = exportOptions(options, ["country"]);
      return call(
        "formatAddress",
        toText(address, "address"),
        o.country,
        toText(options?.constraints, "constraints")
      ).lines;
    })
  };
  Object.defineProperty(api, /* @__PURE__ */ Symbol.for("btalk-forms.coreInstance"), { value: instance });
  return Object.freeze(api);
}

// ../node_modules/btalk-forms/web/internal/core-choice.js
var fullCurrent = null;
var preferred = null;
function fullCoreInUse() {
  return fullCurrent?.() ?? preferred?.() ?? null;
}

// ../node_modules/btalk-forms/web/address-core.js
var load = coreLoader(
  () => Promise.resolve().then(() => (init_btalk_address_core(), btalk_address_core_exports)).then((glue) => glue.default),
  new URL("../dist/btalk-address-core.wasm", import.meta.url)
);
function loadAddressCore(options = {}) {
  if (!(options.wasmUrl || options.moduleUrl || options.wasmBinary)) {
    const full = fullCoreInUse();
    if (full) return full;
  }
  return load(options);
}

// ../node_modules/btalk-forms/web/internal/client-common.js
var DEFAULT_BASE_URL = "https://api.orange.com/btalk/v1";
var MAX_API_MESSAGE_LENGTH = 500;
var MAX_QUERY_LENGTH = 500;
var MAX_PATH_PARAM_LENGTH = 200;
var MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
var MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1e3;
var BtalkApiError = class extends Error {
  /**
   * @param {{ status?: number, code: string, message: string, body?: object|null,
   *           retryAfter?: number, url?: string, problems?: Array<object>, cause?: unknown }} details
   */
  constructor({ status = 0, code, message, body = null, retryAfter, url, problems, cause }) {
    super(message, cause === void 0 ? void 0 : { cause });
    this.name = "BtalkApiError";
    this.status = status;
    this.code = code;
    this.body = body;
    this.retryAfter = retryAfter;
    this.url = url;
    this.problems = problems ?? [];
  }
  toJSON() {
    const { name, status, code, message, url, retryAfter, problems } = this;
    return { name, status, code, message, url, retryAfter, problems };
  }
};
function abortedError(path, cause) {
  return new BtalkApiError({ code: "aborted", message: "The request to the Business Talk API was cancelled.", url: path, cause });
}
function invalidArgument(message) {
  return new BtalkApiError({ code: "invalidArgument", message });
}
function untilAborted(promise, signal, path) {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortedError(path, signal.reason));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortedError(path, signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      }
    );
  });
}
function describeSeconds(ms) {
  return `${Number((ms / 1e3).toPrecision(3))} s`;
}
function describeWait(ms) {
  if (ms <= 12e4) return `in ${describeSeconds(Math.ceil(ms / 1e3) * 1e3)}`;
  if (ms <= 36e5) return `in ${Math.ceil(ms / 6e4)} min`;
  return "later";
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === null || value === void 0) return void 0;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1e3);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return void 0;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}
var queryText = (value) => typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
var isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
var isAutomaticDialZone = (geo) => isPlainObject(geo) && String(geo.dialZoneSelection ?? "").trim().toLowerCase() === "automatic";
function checkIso2(iso2) {
  if (typeof iso2 !== "string" || !/^[A-Za-z]{2}$/.test(iso2)) {
    throw invalidArgument('The country must be a two-letter ISO 3166-1 code, such as "FR".');
  }
  return iso2.toUpperCase();
}
function segment(value, what) {
  if (typeof value === "number" && Number.isFinite(value)) value = String(value);
  if (typeof value !== "string" || value.length === 0) {
    throw invalidArgument(`The ${what} must be a non-empty text.`);
  }
  if (value.length > MAX_PATH_PARAM_LENGTH) {
    throw invalidArgument(`The ${what} is longer than ${MAX_PATH_PARAM_LENGTH} characters.`);
  }
  if (/^(\.|%2e){1,2}$/i.test(value)) throw invalidArgument(`The ${what} cannot be "${value}".`);
  try {
    return encodeURIComponent(value);
  } catch {
    throw invalidArgument(`The ${what} contains characters that cannot be sent (unpaired surrogate).`);
  }
}
function voiceAddressPath(customerCode, voiceSiteId) {
  return `/customers/${segment(customerCode, "customer code")}/voicesites/${segment(voiceSiteId, "voicesite id")}/voiceaddress`;
}
function messageForStatus(status, apiMessage, retryAfterMs) {
  switch (status) {
    case 401:
      return "The Business Talk API refused the credentials (401).";
    case 403:
      return "The Business Talk API key does not allow this operation (403).";
    case 429:
      return retryAfterMs === void 0 ? "The Business Talk API is receiving too many requests (429). Try again shortly." : `The Business Talk API is receiving too many requests (429). Try again ${describeWait(retryAfterMs)}.`;
    case 502:
    case 503:
    case 504:
      return `The Business Talk API is unavailable right now (${status}). Try again later.`;
    default:
      break;
  }
  if (status >= 500) return `The Business Talk API failed (${status}). Try again later.`;
  if (apiMessage) return apiMessage;
  if (status === 404) return "The Business Talk API found nothing at this address (404).";
  if (status === 405) return "The Business Talk API does not support this operation (405).";
  return `The Business Talk API refused the request (${status}).`;
}
function codeForStatus(status) {
  return {
    400: "badRequest",
    401: "unauthorized",
    403: "forbidden",
    404: "notFound",
    405: "methodNotAllowed",
    409: "conflict",
    422: "unprocessable",
    429: "tooManyRequests"
  }[status] ?? (status >= 500 ? "serverError" : "httpError");
}

// ../node_modules/btalk-forms/web/internal/transport.js
var RETRYABLE_STATUSES = /* @__PURE__ */ new Set([429, 502, 503, 504]);
var BACKOFF_BASE_MS = 500;
var API_KEY_LENGTH = 40;
var TOKEN_CHARS = /^[\x21-\x7e]+$/;
function defaultSleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer2);
      reject(signal.reason);
    };
    const timer2 = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
async function readLimitedText(response, path) {
  const tooLarge = () => new BtalkApiError({
    status: response.status,
    code: "responseTooLarge",
    url: path,
    message: `The Business Talk API answer is larger than ${MAX_RESPONSE_BYTES / (1024 * 1024)} MB, more than any Business Talk document: it was not read.`
  });
  const declared = Number(response.headers?.get?.("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_RESPONSE_BYTES) {
    response.body?.cancel().catch(() => {
    });
    throw tooLarge();
  }
  if (!response.body || typeof response.body.getReader !== "function") return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      reader.cancel().catch(() => {
      });
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
var SharedUntilRejected = class {
  #promise = null;
  /** The shared promise, made by `make` when there is none. */
  get(make) {
    if (!this.#promise) {
      const promise = make();
      this.#promise = promise;
      promise.catch(() => {
        if (this.#promise === promise) this.#promise = null;
      });
    }
    return this.#promise;
  }
  /** The next get() makes a new promise. */
  forget() {
    this.#promise = null;
  }
};
function resolveBaseUrl(baseUrl, label) {
  if (typeof baseUrl !== "string" && !(baseUrl instanceof URL)) {
    throw new TypeError(`${label}: baseUrl must be a string or URL`);
  }
  const text = String(baseUrl).trim();
  let url = null;
  try {
    url = new URL(text);
  } catch {
    const here = globalThis.location?.href;
    if (here) url = new URL(text, here);
  }
  if (url === null) {
    if (!text.startsWith("/") || /[?#]/.test(text)) {
      throw new TypeError(`${label}: baseUrl must be an absolute http(s) URL or a path starting with "/"`);
    }
    return { base: text.replace(/\/+$/, ""), url: null };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`${label}: baseUrl must use http or https`);
  }
  if (url.username || url.password) {
    throw new TypeError(`${label}: baseUrl must not contain a user name or password`);
  }
  if (url.search || url.hash) {
    throw new TypeError(`${label}: baseUrl must not contain a query or a fragment`);
  }
  return { base: url.href.replace(/\/+$/, ""), url };
}
function isLoopback(hostname) {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
var transports = /* @__PURE__ */ new WeakMap();
function bindTransport(client, transport) {
  transports.set(client, transport);
}
var Transport = class {
  #credentials;
  #fetch;
  #timeoutMs;
  #retries;
  #maxRetryDelayMs;
  #sleep;
  #random;
  #coreOption;
  #loadCore;
  /** Where requests go (no secrets in it). */
  base;
  #sharedCore = new SharedUntilRejected();
  // the core
  #auth = new SharedUntilRejected();
  // the credentials: { accessToken, apiKey }
  #authGeneration = 0;
  cache = /* @__PURE__ */ new Map();
  // url -> { status, text }
  services = /* @__PURE__ */ new Map();
  // iso2 -> what addressServices() learned
  #inFlight = /* @__PURE__ */ new Map();
  // url -> Promise<{ status, text }>
  #knownSecrets = /* @__PURE__ */ new Set();
  // for redaction of API error texts; the last few only
  /**
   * @param {{ baseUrl?: string|URL, credentials?: () => Promise<{accessToken: string, apiKey: string}>,
   *           fetch?: typeof fetch, timeoutMs?: number, retries?: number, core?: object|Promise<object>,
   *           sleep?: (ms: number, signal?: AbortSignal) => Promise<void>, random?: () => number,
   *           maxRetryDelayMs?: number }} [options]
   */
  constructor(label, loadCore, {
    baseUrl = DEFAULT_BASE_URL,
    credentials,
    fetch: fetch2 = globalThis.fetch,
    timeoutMs = 15e3,
    retries = 2,
    core,
    sleep = defaultSleep,
    random = Math.random,
    maxRetryDelayMs = 1e4
  } = {}) {
    const { base, url } = resolveBaseUrl(baseUrl, label);
    if (credentials !== void 0 && credentials !== null && typeof credentials !== "function") {
      throw new TypeError(`${label}: credentials must be an async function returning { accessToken, apiKey }`);
    }
    if (credentials && url && url.protocol === "http:" && !isLoopback(url.hostname)) {
      throw new TypeError(`${label}: credentials are only sent over https (or to localhost)`);
    }
    if (typeof fetch2 !== "function") throw new TypeError(`${label}: no fetch function available`);
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new TypeError(`${label}: timeoutMs must be a positive number`);
    if (!(Number.isInteger(retries) && retries >= 0 && retries <= 10)) throw new TypeError(`${label}: retries must be an integer from 0 to 10`);
    if (typeof sleep !== "function" || typeof random !== "function") throw new TypeError(`${label}: sleep and random must be functions`);
    if (!(Number.isFinite(maxRetryDelayMs) && maxRetryDelayMs >= 0)) throw new TypeError(`${label}: maxRetryDelayMs must be a number >= 0`);
    this.base = base;
    this.#credentials = credentials || null;
    this.#fetch = fetch2;
    this.#timeoutMs = timeoutMs;
    this.#retries = retries;
    this.#maxRetryDelayMs = maxRetryDelayMs;
    this.#sleep = sleep;
    this.#random = random;
    this.#coreOption = core ?? null;
    this.#loadCore = loadCore;
  }
  /** The core (the `core` option, else the client's default loader), shared until a load fails. */
  core() {
    return this.#sharedCore.get(() => Promise.resolve(this.#coreOption ?? this.#loadCore()));
  }
  ok(status) {
    return status >= 200 && status < 300;
  }
  /** A cached GET look-up whose 404 means "not offered here": [] or, with notFound 'error', the 404 error. */
  lookup(path, kind, query, { signal, notFound }) {
    if (notFound !== "empty" && notFound !== "error") throw invalidArgument("notFound must be 'empty' or 'error'.");
    return this.read(path, async (answer) => {
      if (answer.status !== 404) return this.parse(kind, answer, path);
      if (notFound === "empty") return [];
      throw await this.errorFor(answer, path);
    }, { signal, query, cache: true, accept404: true });
  }
  getParsed(path, kind, options) {
    return this.read(path, (answer) => this.parse(kind, answer, path), options);
  }
  /**
   * GET `path` and turn the answer into a value with `convert`. With `cache`, the answer is
   * kept (until clearCache) only once `convert` accepted it, and converted anew for every
   * caller, so callers never share (or corrupt) one object.
   */
  async read(path, convert, { signal, query, cache = false, accept404 = false } = {}) {
    const url = this.url(path, query);
    if (signal?.aborted) throw abortedError(path, signal.reason);
    const cached = cache ? this.cache.get(url) : void 0;
    if (cached) return convert(cached);
    const answer = await this.#get(path, url, { signal, accept404 });
    const value = await convert(answer);
    if (cache) this.cache.set(url, answer);
    return value;
  }
  /** Normalises a success body with the core; unusable bodies become 'malformedResponse'. */
  async parse(kind, answer, path) {
    this.#checkJson(answer, path);
    const core = await this.core();
    try {
      return core.parseResponse(kind, answer.text);
    } catch (error) {
      if (error?.name === "BtalkCoreError" && error.code === "malformedResponse") {
        throw new BtalkApiError({ status: answer.status, code: "malformedResponse", message: error.message, url: path });
      }
      throw error;
    }
  }
  /** A raw JSON object document (constraints, voice address). */
  async document(path, answer) {
    const value = this.#checkJson(answer, path);
    if (!isPlainObject(value)) {
      throw new BtalkApiError({
        status: answer.status,
        code: "malformedResponse",
        url: path,
        message: "The Business Talk API answered with JSON that is not an object where an object was expected."
      });
    }
    return value;
  }
  #checkJson(answer, path) {
    try {
      return JSON.parse(answer.text);
    } catch {
      throw new BtalkApiError({
        status: answer.status,
        code: "malformedResponse",
        url: path,
        message: "The Business Talk API answered with something that is not valid JSON."
      });
    }
  }
  url(path, query) {
    let url = this.base + path;
    if (query) url += `?${new URLSearchParams(query)}`;
    return url;
  }
  /**
   * A GET answer ({ status, text, headers }), 2xx (or 404 with accept404); otherwise a BtalkApiError.
   * Concurrent GETs of one URL share one request. The caller's signal only stops the
   * caller's wait: the shared request goes on for the others.
   */
  async #get(path, url, { signal, accept404 = false } = {}) {
    let shared = this.#inFlight.get(url);
    if (!shared) {
      shared = this.#getWithRetries(path, url).finally(() => this.#inFlight.delete(url));
      this.#inFlight.set(url, shared);
    }
    const answer = await untilAborted(shared, signal, path);
    if (!this.ok(answer.status) && !(answer.status === 404 && accept404)) throw await this.errorFor(answer, path);
    return answer;
  }
  /** One GET, retried on 429/502/503/504 and network errors. Resolves to the final { status, text, headers }. */
  async #getWithRetries(path, url) {
    for (let attempt = 0; ; attempt += 1) {
      let answer;
      try {
        answer = await this.exchange("GET", path, { url });
      } catch (error) {
        if (!(error instanceof BtalkApiError) || error.code !== "network" || attempt >= this.#retries) throw error;
        await this.#sleep(this.#backoff(attempt));
        continue;
      }
      if (!RETRYABLE_STATUSES.has(answer.status) || attempt >= this.#retries) return answer;
      const retryAfterMs = parseRetryAfter(answer.headers.get("retry-after"));
      if (retryAfterMs !== void 0 && retryAfterMs > this.#maxRetryDelayMs) return answer;
      await this.#sleep(retryAfterMs ?? this.#backoff(attempt));
    }
  }
  #backoff(attempt) {
    const exponential = Math.min(this.#maxRetryDelayMs, BACKOFF_BASE_MS * 2 ** attempt);
    return Math.round(exponential * (0.5 + this.#random() / 2));
  }
  /** One request, plus one retry with fresh credentials after a 401 (direct mode). */
  async exchange(method, path, { url = this.url(path), body, signal } = {}) {
    const generation = this.#authGeneration;
    let answer = await this.#attempt(method, path, url, body, signal, await this.#authHeaders());
    if (answer.status === 401 && this.#credentials) {
      this.#refreshCredentials(generation);
      answer = await this.#attempt(method, path, url, body, signal, await this.#authHeaders());
    }
    return answer;
  }
  /** Fresh credentials after a 401; concurrent 401s of one generation share one refresh. */
  #refreshCredentials(generation) {
    if (generation === this.#authGeneration) {
      this.#auth.forget();
      this.#authGeneration += 1;
    }
  }
  async #authHeaders() {
    if (!this.#credentials) return {};
    const { accessToken, apiKey } = await this.#auth.get(() => this.#loadCredentials());
    return { Authorization: `Bearer ${accessToken}`, "X-BT-API-KEY": apiKey };
  }
  async #loadCredentials() {
    let value;
    try {
      value = await this.#credentials();
    } catch (cause) {
      throw new BtalkApiError({
        code: "credentialsUnavailable",
        cause,
        message: "The Business Talk API credentials could not be obtained."
      });
    }
    const accessToken = value?.accessToken;
    const apiKey = value?.apiKey;
    if (typeof apiKey !== "string" || apiKey.length !== API_KEY_LENGTH || !TOKEN_CHARS.test(apiKey)) {
      throw new BtalkApiError({
        code: "invalidCredentials",
        message: `The Business Talk API key must be ${API_KEY_LENGTH} printable characters (see the Developer tab of Business Talk Online).`
      });
    }
    if (typeof accessToken !== "string" || !TOKEN_CHARS.test(accessToken)) {
      throw new BtalkApiError({ code: "invalidCredentials", message: "The Business Talk API access token is missing or malformed." });
    }
    for (const secret of [accessToken, apiKey]) {
      this.#knownSecrets.delete(secret);
      this.#knownSecrets.add(secret);
    }
    while (this.#knownSecrets.size > 6) this.#knownSecrets.delete(this.#knownSecrets.values().next().value);
    return Object.freeze({ accessToken, apiKey });
  }
  /**
   * One HTTP exchange bounded by the timeout (which also covers reading the body).
   * Resolves to { status, headers, text } for any HTTP status; rejects with a
   * BtalkApiError 'timeout', 'network' or 'aborted' when no full answer arrived.
   */
  async #attempt(method, path, url, body, signal, authHeaders) {
    if (signal?.aborted) throw abortedError(path, signal.reason);
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(signal.reason);
    signal?.addEventListener("abort", onCallerAbort, { once: true });
    let timer2;
    const timeout = new Promise((_, reject) => {
      timer2 = setTimeout(() => {
        const error = new BtalkApiError({
          code: "timeout",
          url: path,
          message: `The Business Talk API did not answer within ${describeSeconds(this.#timeoutMs)}.`
        });
        controller.abort(error);
        reject(error);
      }, this.#timeoutMs);
    });
    const headers = { Accept: "application/json", ...authHeaders };
    if (body !== void 0) headers["Content-Type"] = "application/json";
    const exchange = (async () => {
      const response = await this.#fetch.call(globalThis, url, {
        method,
        headers,
        body,
        signal: controller.signal,
        cache: "no-store",
        // Never followed, whatever the method or mode: a redirect would re-send a POST/PUT body
        // to wherever it points, and fetch drops only Authorization across origins, not X-BT-API-KEY.
        redirect: "manual"
      });
      if (response.type === "opaqueredirect" || response.status >= 300 && response.status < 400) {
        response.body?.cancel().catch(() => {
        });
        throw new BtalkApiError({
          status: response.status,
          code: "redirectRefused",
          url: path,
          message: "The Business Talk API answered with a redirect, which is never followed. Check the API base URL."
        });
      }
      const text = await readLimitedText(response, path);
      return { status: response.status, headers: response.headers, text };
    })();
    try {
      return await Promise.race([exchange, timeout]);
    } catch (error) {
      if (error instanceof BtalkApiError) throw error;
      if (signal?.aborted) throw abortedError(path, signal.reason);
      throw new BtalkApiError({
        code: "network",
        url: path,
        cause: error,
        message: "The Business Talk API could not be reached (network error). Check the connection and try again."
      });
    } finally {
      clearTimeout(timer2);
      signal?.removeEventListener("abort", onCallerAbort);
      exchange.catch(() => {
      });
    }
  }
  /** The BtalkApiError for a non-2xx answer, with the API's document parsed by the core. */
  async errorFor(answer, path) {
    const { status } = answer;
    let body = null;
    if (answer.text.trim() !== "") {
      try {
        const core = await this.core();
        body = core.parseResponse("apiError", answer.text);
      } catch {
        body = null;
      }
    }
    body = isPlainObject(body) ? this.#redacted(body) : null;
    const retryAfterMs = parseRetryAfter(answer.headers?.get?.("retry-after") ?? null);
    let structured = false;
    try {
      structured = isPlainObject(JSON.parse(answer.text));
    } catch {
      structured = false;
    }
    const apiMessage = structured && typeof body?.message === "string" && body.message.trim() !== "" ? body.message.trim().slice(0, MAX_API_MESSAGE_LENGTH) : "";
    const apiCode = typeof body?.code === "string" && body.code.trim() !== "" ? body.code.trim() : "";
    const problems = Array.isArray(body?.problems) ? body.problems.filter(isPlainObject).map(({ field, code, message }) => ({
      field: typeof field === "string" ? field : "",
      code: typeof code === "string" ? code : "invalid",
      message: typeof message === "string" ? message : ""
    })) : [];
    return new BtalkApiError({
      status,
      code: apiCode || codeForStatus(status),
      message: messageForStatus(status, apiMessage, retryAfterMs),
      body,
      retryAfter: retryAfterMs === void 0 ? void 0 : Math.ceil(retryAfterMs / 1e3),
      url: path,
      problems
    });
  }
  /** The API could echo a secret in an error text: blank every one this client has held. */
  #redacted(value) {
    const secrets = [...this.#knownSecrets].filter((secret) => secret.length >= 8);
    if (secrets.length === 0) return value;
    const scrub = (item) => {
      if (typeof item === "string") return secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), item);
      if (Array.isArray(item)) return item.map(scrub);
      if (isPlainObject(item)) return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, scrub(v)]));
      return item;
    };
    return scrub(value);
  }
  /** Forgets cached GET answers and what addressServices() learned. */
  clearCache() {
    this.cache.clear();
    this.services.clear();
  }
};

// ../node_modules/btalk-forms/web/address-client.js
var PROBE_QUERY = "1";
var ADDRESS_ELEMENT = /^(a[1-6]|hno|hns|sts|flr|bld|room|pc|pcn|pobox|prd|pod|unit|addrExtInfo([1-9]|10))$/;
var CLIENT_DEFAULTS = /* @__PURE__ */ Symbol("btalk-forms.clientDefaults");
var BtalkAddressClient = class {
  static [CLIENT_DEFAULTS] = { label: "BtalkAddressClient", loadCore: loadAddressCore };
  #t;
  /**
   * @param {{ baseUrl?: string|URL, credentials?: () => Promise<{accessToken: string, apiKey: string}>,
   *           fetch?: typeof fetch, timeoutMs?: number, retries?: number, core?: object|Promise<object>,
   *           sleep?: (ms: number, signal?: AbortSignal) => Promise<void>, random?: () => number,
   *           maxRetryDelayMs?: number }} [options]
   */
  constructor(options) {
    const { label, loadCore } = new.target[CLIENT_DEFAULTS];
    this.#t = new Transport(label, loadCore, options);
    bindTransport(this, this.#t);
  }
  /** The API base URL requests go to (no secrets in it). */
  get baseUrl() {
    return this.#t.base;
  }
  /** Forgets cached GET answers (country data, constraints, geo areas, dial zones, postal codes, parishes, country list). */
  clearCache() {
    this.#t.clearCache();
  }
  /** GET /countries/{iso2} -> { iso2, name, countryCode, covered, coverage } (cached) */
  async country(iso2, { signal } = {}) {
    return this.#t.getParsed(`/countries/${checkIso2(iso2)}`, "country", { signal, cache: true });
  }
  /** GET /countries/{iso2}/addressconstraints -> the raw document (cached). */
  async addressConstraints(iso2, { signal } = {}) {
    const path = `/countries/${checkIso2(iso2)}/addressconstraints`;
    return this.#t.read(path, (answer) => this.#t.document(path, answer), { signal, cache: true });
  }
  /** GET /countries/{iso2}/geographicalconstraints -> the raw document, or null (404: none). Cached. */
  async geographicalConstraints(iso2, { signal } = {}) {
    const path = `/countries/${checkIso2(iso2)}/geographicalconstraints`;
    return this.#t.read(
      path,
      (answer) => answer.status === 404 ? null : this.#t.document(path, answer),
      { signal, cache: true, accept404: true }
    );
  }
  /**
   * GET /countries/{iso2}/geoareas/area1[/{v1}/area2[/{v2}/area3[/{v3}/area4]]] -> [{ value, display }].
   * `parents`: the values already chosen for the levels above (0 to 3 of them). Cached.
   */
  async geoAreas(iso2, parents = [], { signal } = {}) {
    if (!Array.isArray(parents) || parents.length > 3) {
      throw invalidArgument("The parent geographical areas must be a list of at most 3 values.");
    }
    let path = `/countries/${checkIso2(iso2)}/geoareas`;
    parents.forEach((parent, index) => {
      path += `/area${index + 1}/${segment(parent, `area${index + 1} value`)}`;
    });
    path += `/area${parents.length + 1}`;
    return this.#t.getParsed(path, "geoAreas", { signal, cache: true });
  }
  /** GET /countries/{iso2}/dialzones -> [{ value, display }]; [] when the API has none (404). Cached. */
  async dialZones(iso2, { signal } = {}) {
    return this.#t.lookup(`/countries/${checkIso2(iso2)}/dialzones`, "dialZones", void 0, { signal, notFound: "empty" });
  }
  /** GET /countries/{iso2}/addresses?q= -> [{ id, label, address }]; [] for an empty query (nothing sent). */
  async searchAddresses(iso2, query, { signal } = {}) {
    const country = checkIso2(iso2);
    if (typeof query !== "string") throw invalidArgument("The address search must be a text.");
    const text = query.trim();
    if (text === "") return [];
    if (text.length > MAX_QUERY_LENGTH) {
      throw invalidArgument(`The address search is longer than ${MAX_QUERY_LENGTH} characters.`);
    }
    const path = `/countries/${country}/addresses`;
    return this.#t.getParsed(path, "addressCandidates", { signal, query: { q: text } });
  }
  /**
   * Full address validation: GET /countries/{iso2}/addresses?a6=&hno=&pc=... with the address's
   * filled elements -> the matching candidates [{ id, label, address }] in their canonical form
   * (none: the API does not know the address). [] without a request when no element is filled.
   */
  async validateAddressCandidates(iso2, address, { signal } = {}) {
    const country = checkIso2(iso2);
    if (!isPlainObject(address)) throw invalidArgument("The address must be an object of address elements.");
    const query = {};
    for (const [name, value] of Object.entries(address)) {
      if (!ADDRESS_ELEMENT.test(name)) continue;
      const text = queryText(value);
      if (text !== "") query[name] = text.slice(0, MAX_QUERY_LENGTH);
    }
    if (Object.keys(query).length === 0) return [];
    const path = `/countries/${country}/addresses`;
    return this.#t.getParsed(path, "addressCandidates", { signal, query });
  }
  /**
   * Postal code look-up (Portugal): GET /countries/{iso2}/postalcodes?q= -> [{ value, display, address }],
   * `address` holding pc and the elements the code determines (a1, a2, a3...). Cached per URL.
   * [] for a blank query (nothing sent) and, unless `notFound: 'error'`, on 404 (the country offers
   * no look-up); with `notFound: 'error'` a 404 rejects, so a caller can tell "not offered" from "no match".
   */
  async postalCodes(iso2, query, { signal, notFound = "empty" } = {}) {
    const country = checkIso2(iso2);
    if (typeof query !== "string" && typeof query !== "number") throw invalidArgument("The postal code search must be a text.");
    const text = queryText(query);
    if (text === "") return [];
    if (text.length > MAX_QUERY_LENGTH) {
      throw invalidArgument(`The postal code search is longer than ${MAX_QUERY_LENGTH} characters.`);
    }
    return this.#t.lookup(`/countries/${country}/postalcodes`, "postalCodes", { q: text }, { signal, notFound });
  }
  /**
   * Parishes of a municipality (Portugal): GET /countries/{iso2}/parishes?a1=&a2= -> [{ value, display }].
   * Cached per URL. [] when a1 or a2 is blank (nothing sent) and, unless `notFound: 'error'`, on 404.
   */
  async parishes(iso2, { a1, a2 } = {}, { signal, notFound = "empty" } = {}) {
    const country = checkIso2(iso2);
    const query = {};
    for (const [name, value] of [["a1", a1], ["a2", a2]]) {
      const text = queryText(value);
      if (value !== void 0 && value !== null && typeof value !== "string" && typeof value !== "number") {
        throw invalidArgument(`The parish look-up's ${name} must be a text.`);
      }
      if (text === "") return [];
      if (text.length > MAX_QUERY_LENGTH) throw invalidArgument(`The parish look-up's ${name} is too long.`);
      query[name] = text;
    }
    return this.#t.lookup(`/countries/${country}/parishes`, "parishes", query, { signal, notFound });
  }
  /**
   * Gives a voicesite its address: PUT /customers/{code}/voicesites/{id}/voiceaddress (POST if the
   * API answers 405). A 400 becomes a BtalkApiError whose `problems` say which fields are wrong.
   * -> { voiceSiteId, voiceAddress }
   */
  async pushVoiceAddress(customerCode, voiceSiteId, address, { signal } = {}) {
    const path = voiceAddressPath(customerCode, voiceSiteId);
    if (!isPlainObject(address)) throw invalidArgument("The address must be an object of address elements.");
    const text = JSON.stringify(address);
    let answer = await this.#t.exchange("PUT", path, { body: text, signal });
    if (answer.status === 405) answer = await this.#t.exchange("POST", path, { body: text, signal });
    if (!this.#t.ok(answer.status)) throw await this.#t.errorFor(answer, path);
    if (answer.text.trim() === "") return { voiceSiteId: String(voiceSiteId), voiceAddress: { ...address } };
    const document2 = await this.#t.document(path, answer);
    return {
      voiceSiteId: typeof document2.voiceSiteId === "string" || typeof document2.voiceSiteId === "number" ? String(document2.voiceSiteId) : String(voiceSiteId),
      voiceAddress: isPlainObject(document2.voiceAddress) ? document2.voiceAddress : { ...address }
    };
  }
  /** GET /customers/{code}/voicesites/{id}/voiceaddress -> the stored address object, or null (404). */
  async getVoiceAddress(customerCode, voiceSiteId, { signal } = {}) {
    const path = voiceAddressPath(customerCode, voiceSiteId);
    return this.#t.read(path, async (answer) => {
      if (answer.status === 404) return null;
      const document2 = await this.#t.document(path, answer);
      return isPlainObject(document2.voiceAddress) ? document2.voiceAddress : document2;
    }, { signal, accept404: true });
  }
  /**
   * Everything a country's address form needs, fetched in parallel:
   * -> { country, constraints, geographicalConstraints, form: core.addressForm(...), dialZones }
   * `dialZones` is [] unless the country's dial zone is chosen manually.
   */
  async countryForm(iso2, { signal } = {}) {
    const country = checkIso2(iso2);
    const corePromise = this.#t.core();
    const geographical = this.geographicalConstraints(country, { signal });
    const dialZonesOutcome = geographical.then(
      (geo) => isAutomaticDialZone(geo) ? { list: [] } : this.dialZones(country, { signal }).then((list) => ({ list }))
    ).then((outcome2) => outcome2, (error) => ({ error }));
    const [countryInfo, constraints, geographicalConstraints, core] = await Promise.all([
      this.country(country, { signal }),
      this.addressConstraints(country, { signal }),
      geographical,
      corePromise
    ]);
    let form;
    try {
      form = core.addressForm(constraints, geographicalConstraints ?? void 0);
    } catch (error) {
      if (error?.name !== "BtalkCoreError") throw error;
      throw new BtalkApiError({
        status: 200,
        code: "malformedResponse",
        url: `/countries/${country}/addressconstraints`,
        message: `The Business Talk API sent address constraints that cannot be used: ${error.message}`
      });
    }
    const outcome = await dialZonesOutcome;
    let dialZones = [];
    if (form.dialZone === "manual") {
      if (outcome.error) throw outcome.error;
      dialZones = outcome.list;
    }
    return { country: countryInfo, constraints, geographicalConstraints, form, dialZones };
  }
  /**
   * Which specialised address APIs a country offers, learned with one cheap probe each, all at
   * once, and remembered per country (a client is per base URL):
   * -> { search, verify, postalCodes, parishes }, each true, false (404 / SEARCH_NOT_SUPPORTED)
   * or null (the probe failed otherwise: unknown, asked again next time).
   */
  async addressServices(iso2, { signal } = {}) {
    const country = checkIso2(iso2);
    const known = this.#t.services.get(country);
    if (known) return { ...known };
    const probe = (call) => call().then(() => true, (error) => error?.status === 404 ? false : error);
    const [addresses, postalCodes, parishes] = await Promise.all([
      probe(() => this.searchAddresses(country, PROBE_QUERY, { signal })),
      probe(() => this.postalCodes(country, PROBE_QUERY, { signal, notFound: "error" })),
      probe(() => this.parishes(country, { a1: PROBE_QUERY, a2: PROBE_QUERY }, { signal, notFound: "error" }))
    ]);
    const validationOnly = addresses instanceof Error && (addresses.code === "SEARCH_NOT_SUPPORTED" || addresses.body?.code === "SEARCH_NOT_SUPPORTED");
    const known400 = (outcome) => outcome instanceof Error ? outcome.status === 400 ? true : null : outcome;
    const services = {
      search: validationOnly ? false : known400(addresses),
      verify: validationOnly ? true : known400(addresses),
      postalCodes: known400(postalCodes),
      parishes: known400(parishes)
    };
    if (Object.values(services).every((value) => value !== null)) this.#t.services.set(country, services);
    return { ...services };
  }
  /** The core this client parses and validates with (the `core` option, or the class's default loader). */
  core() {
    return this.#t.core();
  }
};

// ../node_modules/btalk-forms/web/internal/base.js
var BaseElement = globalThis.HTMLElement ?? class {
};

// ../node_modules/btalk-forms/web/internal/localize.js
var LANGUAGES = Object.freeze(["en", "fr", "de", "es", "it", "nl", "pt"]);
function bestLanguage(tag, available = LANGUAGES) {
  const primary = String(tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return available.includes(primary) ? primary : "en";
}
function langOf(element) {
  let node = element;
  while (node) {
    const lang = typeof node.getAttribute === "function" ? node.getAttribute("lang") : null;
    if (lang) return lang;
    node = node.parentNode ?? node.host ?? null;
  }
  return "";
}
var Catalogue = class {
  #sources;
  #loaded = /* @__PURE__ */ new Map();
  constructor(sources) {
    if (!sources || typeof sources.en !== "object") throw new TypeError("A catalogue needs its English strings.");
    this.#sources = sources;
    this.#loaded.set("en", sources.en);
  }
  /** The strings of `lang` if they are already loaded (English otherwise); never waits. */
  peek(lang) {
    return { ...this.#sources.en, ...this.#loaded.get(lang) ?? {} };
  }
  /** Resolves to the strings of `lang`, English filling any key the language lacks. */
  async load(lang) {
    if (!this.#loaded.has(lang)) {
      const source = this.#sources[lang];
      if (typeof source === "function") {
        try {
          const module = await source();
          const strings = module?.default ?? module;
          if (strings && typeof strings === "object") this.#loaded.set(lang, strings);
        } catch {
        }
      } else if (source && typeof source === "object") {
        this.#loaded.set(lang, source);
      }
    }
    return this.peek(lang);
  }
};
function withOverrides(strings, lang, overrides) {
  const merged = { ...strings };
  if (overrides && typeof overrides === "object") {
    for (const layer of [overrides, overrides[lang]]) {
      if (!layer || typeof layer !== "object") continue;
      for (const [key, text] of Object.entries(layer)) {
        if (typeof text === "string") merged[key] = text;
      }
    }
  }
  return merged;
}
function format(template, params = {}) {
  return String(template ?? "").replace(/\{(\w+)\}/g, (whole, key) => params[key] === void 0 || params[key] === null ? whole : String(params[key]));
}
var Localizer = class {
  constructor(strings, lang = "en") {
    this.strings = strings;
    this.lang = lang;
    this.plurals = new Intl.PluralRules(lang);
  }
  t(key, params = {}) {
    let template = this.strings[key];
    if (typeof params.count === "number") {
      const exact = this.strings[`${key}.=${params.count}`];
      const plural = this.strings[`${key}.${this.plurals.select(params.count)}`];
      template = exact ?? plural ?? template ?? this.strings[`${key}.other`];
    }
    if (typeof template !== "string") return key;
    const shown = typeof params.count === "number" ? { ...params, count: this.number(params.count) } : params;
    return format(template, shown);
  }
  /** 'a, b and c' in the language's own words (type 'conjunction' or 'disjunction'). */
  list(items, type = "conjunction") {
    return new Intl.ListFormat(this.lang, { style: "long", type }).format(items.map(String));
  }
  number(value) {
    return new Intl.NumberFormat(this.lang).format(value);
  }
};
var LocalizeController = class {
  #host;
  #catalogue;
  #onChange;
  #observer = null;
  #request = 0;
  constructor(host, { catalogue, onChange }) {
    this.#host = host;
    this.#catalogue = catalogue;
    this.#onChange = onChange ?? (() => {
    });
    this.localizer = this.#make(bestLanguage(langOf(host)), catalogue.peek(bestLanguage(langOf(host))));
  }
  get lang() {
    return this.localizer.lang;
  }
  t(key, params) {
    return this.localizer.t(key, params);
  }
  hostConnected() {
    const root = globalThis.document?.documentElement;
    if (root && typeof MutationObserver === "function" && !this.#observer) {
      this.#observer = new MutationObserver(() => this.update());
      this.#observer.observe(root, { attributes: true, attributeFilter: ["lang"] });
    }
    return this.update();
  }
  hostDisconnected() {
    this.#observer?.disconnect();
    this.#observer = null;
  }
  /** Re-reads the language and overrides; resolves once the language's strings are in use. */
  async update() {
    const request = ++this.#request;
    const lang = bestLanguage(langOf(this.#host));
    const strings = await this.#catalogue.load(lang);
    if (request !== this.#request) return this.localizer;
    const next = this.#make(lang, strings);
    const changed = next.lang !== this.localizer.lang || JSON.stringify(next.strings) !== JSON.stringify(this.localizer.strings);
    this.localizer = next;
    if (changed) this.#onChange(next);
    return next;
  }
  #make(lang, strings) {
    return new Localizer(withOverrides(strings, lang, this.#host.strings), lang);
  }
};

// ../node_modules/btalk-forms/web/internal/pointer-hold.js
var HOLD_MAX_MS = 1500;
var PointerHoldController = class {
  #held = false;
  #queue = /* @__PURE__ */ new Map();
  // key -> fn (one per key: the latest wins)
  /** @param {EventTarget} root where presses count (e.g. the shadow root) */
  constructor(root) {
    root.addEventListener("pointerdown", () => this.#hold());
  }
  get held() {
    return this.#held;
  }
  /** Runs `fn` now, or once the current press is over (one pending run per `key`). */
  defer(key, fn) {
    if (!this.#held) {
      fn();
      return;
    }
    this.#queue.delete(key);
    this.#queue.set(key, fn);
  }
  #hold() {
    if (this.#held) return;
    this.#held = true;
    let safety = null;
    const release = () => {
      globalThis.removeEventListener?.("pointerup", release, true);
      globalThis.removeEventListener?.("pointercancel", release, true);
      clearTimeout(safety);
      setTimeout(() => {
        this.#held = false;
        const queued = [...this.#queue.values()];
        this.#queue.clear();
        for (const fn of queued) fn();
      }, 0);
    };
    globalThis.addEventListener?.("pointerup", release, true);
    globalThis.addEventListener?.("pointercancel", release, true);
    safety = setTimeout(release, HOLD_MAX_MS);
  }
};

// ../node_modules/btalk-forms/web/internal/shared.js
var BASE_CSS = `
:host {
  display: block;
  box-sizing: border-box;
  font-family: var(--btalk-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--btalk-color-text, #1f1f1f);
  background: var(--btalk-color-bg, transparent);
  max-width: 100%;
  line-height: 1.4;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.stack { display: flex; flex-direction: column; gap: var(--btalk-gap, 0.9rem); min-width: 0; }
.field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
label, .label { font-weight: 600; }
.required { color: var(--btalk-color-error, #b00020); margin-inline-start: 0.2em; }
input, select, button, textarea { font: inherit; color: inherit; }
input, select {
  width: 100%;
  max-width: 100%;
  min-height: 2.5rem;
  padding: 0.45rem 0.6rem;
  border: 1px solid var(--btalk-color-border, #8a8a8a);
  border-radius: var(--btalk-radius, 4px);
  background: var(--btalk-color-bg, #fff);
}
input[aria-invalid="true"], select[aria-invalid="true"] {
  border-color: var(--btalk-color-error, #b00020);
  border-width: 2px;
}
input:disabled, select:disabled, button:disabled { opacity: 0.6; cursor: not-allowed; }
:focus-visible, input:focus, select:focus {
  outline: 3px solid var(--btalk-color-accent, #ff7900);
  outline-offset: 2px;
  /* The accent alone is 2.6:1 on white; the inner ring in the text colour makes 3:1. */
  box-shadow: 0 0 0 2px var(--btalk-color-text, #1f1f1f);
}
.description { margin: 0; font-size: 0.9em; opacity: 0.85; }
.error { margin: 0; color: var(--btalk-color-error, #b00020); font-weight: 600; font-size: 0.95em; }
.error:empty { display: none; }
button {
  min-height: 2.5rem;
  padding: 0.45rem 1rem;
  border-radius: var(--btalk-radius, 4px);
  border: 1px solid var(--btalk-color-accent, #ff7900);
  background: var(--btalk-color-accent, #ff7900);
  color: #000;
  font-weight: 600;
  cursor: pointer;
}
button.secondary { background: transparent; color: inherit; }
button.linklike {
  min-height: 0; padding: 0; border: 0; background: none; color: inherit;
  text-decoration: underline; font-weight: 400; text-align: start;
  display: inline; /* a wrapped summary item keeps its bullet beside its first line */
}
a { color: inherit; }
.status { margin: 0; padding: 0.5rem 0.75rem; border-radius: var(--btalk-radius, 4px); }
.status:empty { display: none; }
.status.error-status {
  border: 2px solid var(--btalk-color-error, #b00020);
  display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between;
}
.status.success { border: 2px solid #2e7d32; }
.summary {
  border: 2px solid var(--btalk-color-error, #b00020);
  border-radius: var(--btalk-radius, 4px);
  padding: 0.5rem 0.75rem;
}
.summary ul { margin: 0.25rem 0 0; padding-inline-start: 1.2rem; }
.summary h2 { font-size: 1em; margin: 0; }
.candidates { list-style: none; margin: 0; padding: 0; border: 1px solid var(--btalk-color-border, #8a8a8a); border-radius: var(--btalk-radius, 4px); }
.candidates:empty { display: none; }
.candidates li + li { border-top: 1px solid var(--btalk-color-border, #8a8a8a); }
.candidates button {
  width: 100%; text-align: start; background: transparent; border: 0; border-radius: 0;
  font-weight: 400; color: inherit;
}
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;
var sheetCache = /* @__PURE__ */ new Map();
function adoptStyles(root, cssText) {
  if (typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in root) {
    let sheet = sheetCache.get(cssText);
    if (!sheet) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(cssText);
        sheetCache.set(cssText, sheet);
      } catch {
        sheet = null;
      }
    }
    if (sheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    }
  }
  const style = document.createElement("style");
  style.textContent = cssText;
  root.prepend(style);
}
function format2(template, params = {}) {
  return String(template ?? "").replace(/\{(\w+)\}/g, (whole, key) => params[key] === void 0 || params[key] === null ? whole : String(params[key]));
}
function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === void 0 || value === null || value === false) continue;
    if (key === "text") {
      el.textContent = String(value);
    } else if (key === "props") {
      Object.assign(el, value);
    } else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}
function append(el, children) {
  for (const child of children) {
    if (child === null || child === void 0 || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}
function headingLevelOf(element, max) {
  const wanted = Number.parseInt(element.getAttribute("heading-level") ?? "", 10);
  return Number.isInteger(wanted) && wanted >= 1 && wanted <= max ? wanted : null;
}
function isHttpUrl(value) {
  if (typeof value !== "string" || value.trim() === "") return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
function errorMessage(error, strings) {
  const message = error && typeof error.message === "string" && error.message || String(error ?? "");
  if (error && typeof error.status === "number" && error.status > 0 && !message.includes(String(error.status))) {
    return `${message} ${format2(strings.errorStatus, { status: error.status })}`;
  }
  return message;
}
var clientCache = /* @__PURE__ */ new Map();
function clientFor(element, Client) {
  if (element.client) return element.client;
  const baseUrl = element.getAttribute("api-base") || void 0;
  const credentials = typeof element.credentials === "function" ? element.credentials : void 0;
  let byCredentials = clientCache.get(baseUrl ?? "");
  if (!byCredentials) {
    byCredentials = /* @__PURE__ */ new Map();
    clientCache.set(baseUrl ?? "", byCredentials);
  }
  let clients = byCredentials.get(credentials ?? null);
  if (!clients) {
    clients = [];
    byCredentials.set(credentials ?? null, clients);
  }
  let client = clients.find((known) => known instanceof Client);
  if (!client) {
    client = new Client({ ...baseUrl ? { baseUrl } : {}, ...credentials ? { credentials } : {} });
    clients.push(client);
  }
  return client;
}
function upgradeProperties(element, names) {
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(element, name)) {
      const value = element[name];
      delete element[name];
      element[name] = value;
    }
  }
}

// ../node_modules/btalk-forms/web/components/address-form/address-form.fields.js
var DIAL_ZONE = "dialZone";
var POSTAL_CODE = "pc";
var SHORT_MAX_LENGTH = 10;
var AUTOFILL = {
  a1: "address-level1",
  a3: "address-level2",
  a4: "address-level3",
  a5: "address-level4",
  a6: "address-line1",
  addrExtInfo1: "address-line2",
  addrExtInfo2: "address-line3",
  pc: "postal-code"
};
function autofillToken(name, names) {
  if (name === "a2") return names.has("a3") ? "off" : "address-level2";
  return AUTOFILL[name] ?? "off";
}
function perLanguage(map, lang) {
  if (!map || typeof map !== "object" || Array.isArray(map)) return "";
  for (const [key, text] of Object.entries(map)) {
    if (typeof text === "string" && text.trim() && key.toLowerCase().split(/[-_]/)[0] === lang) return text.trim();
  }
  return "";
}
function labelOf(name, raw, formLabel, lang, t) {
  const own = perLanguage(raw?.labels, lang);
  if (own) return own;
  if (typeof raw?.defaultLabel === "string" && raw.defaultLabel.trim()) return String(formLabel || raw.defaultLabel);
  const extra = /^addrExtInfo(\d+)$/.exec(name);
  const builtin = extra ? t("element.addrExtInfo", { n: extra[1] }) : t(`element.${name}`);
  return builtin && builtin !== `element.${name}` && builtin !== "element.addrExtInfo" ? builtin : String(formLabel || name);
}
function buildFields({ form, constraints, dialZones = [], lang = "en", t, parish = null }) {
  const ruleErrors = /* @__PURE__ */ new Map();
  for (const problem of form?.constraintErrors ?? []) {
    if (problem && !ruleErrors.has(problem.field)) ruleErrors.set(problem.field, problem.message);
  }
  const source = (form?.fields ?? []).filter((f) => f && typeof f.name === "string" && f.name !== DIAL_ZONE);
  const names = new Set(source.map((f) => f.name));
  const fields = source.map((f) => {
    const raw = constraints && typeof constraints === "object" ? constraints[f.name] : null;
    const geoLevel = Number.isInteger(f.geoLevel) ? f.geoLevel : null;
    let control = f.control;
    let options = Array.isArray(f.options) ? f.options : [];
    const isParish = parish && f.name === parish.field && geoLevel === null && control !== "select";
    if (isParish && parish.options?.length) {
      control = "select";
      options = parish.options;
    }
    const select = geoLevel !== null || control === "select";
    const maxLength = Number.isInteger(f.maxLength) && f.maxLength > 0 ? f.maxLength : null;
    return {
      name: f.name,
      label: labelOf(f.name, raw, f.label, lang, t),
      description: perLanguage(raw?.descriptions, lang) || String(f.description ?? ""),
      required: !!f.required,
      control,
      select,
      options,
      minLength: Number.isInteger(f.minLength) ? f.minLength : 0,
      maxLength,
      pattern: typeof f.pattern === "string" && f.pattern ? f.pattern : null,
      referenceUrl: f.referenceUrl ?? null,
      geoLevel,
      ruleError: ruleErrors.get(f.name) ?? null,
      autocomplete: autofillToken(f.name, names),
      inputmode: control === "numeric" ? "numeric" : null,
      short: control === "numeric" || maxLength !== null && maxLength <= SHORT_MAX_LENGTH,
      parish: !!isParish
    };
  });
  if (form?.dialZone === "manual") {
    fields.push({
      name: DIAL_ZONE,
      label: t("dialZoneLabel"),
      description: t("dialZoneDescription"),
      required: true,
      control: dialZones.length ? "select" : "text",
      select: dialZones.length > 0,
      options: dialZones,
      minLength: 0,
      maxLength: null,
      pattern: null,
      referenceUrl: null,
      geoLevel: null,
      ruleError: null,
      autocomplete: "off",
      inputmode: null,
      short: false,
      parish: false
    });
  }
  return fields;
}
var AFFINITY = [
  ["hno", "a6"],
  ["hno", "hns"],
  ["hns", "a6"],
  ["sts", "a6"],
  ["hno", "sts"],
  ["pc", "a3"],
  ["pc", "a2"],
  ["pc", "a1"],
  ["pc", "pcn"],
  ["flr", "unit"],
  ["flr", "room"],
  ["unit", "room"],
  ["bld", "flr"]
];
var affine = (a, b) => AFFINITY.some(([x, y]) => x === a && y === b || x === b && y === a);
function pairScore(a, b) {
  if (!a.short && !b.short) return 0;
  if (affine(a.name, b.name)) return 2;
  return a.short && b.short ? 1 : 0;
}
function layoutRows(fields) {
  const n = fields.length;
  const best = new Array(n + 2).fill(0);
  const pairHere = new Array(n).fill(false);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = best[i + 1];
    const score = i + 1 < n ? pairScore(fields[i], fields[i + 1]) : 0;
    if (score > 0 && score + best[i + 2] >= best[i]) {
      best[i] = score + best[i + 2];
      pairHere[i] = true;
    }
  }
  const rows = [];
  for (let i = 0; i < n; i++) {
    if (pairHere[i]) {
      rows.push([fields[i], fields[i + 1]]);
      i++;
    } else {
      rows.push([fields[i]]);
    }
  }
  return rows;
}
function basicNormalize(text) {
  return String(text ?? "").replace(/\s+/g, " ").trim();
}
function lowerFirst(label) {
  const text = String(label ?? "");
  if (text.length < 2 || text[1] !== text[1].toLowerCase()) return text;
  return text[0].toLowerCase() + text.slice(1);
}
var LEGEND_KEYS = {
  digit: "legend.digit",
  "capital letter": "legend.capitalLetter",
  letter: "legend.letter",
  "small letter": "legend.smallLetter",
  "letter or digit": "legend.letterOrDigit"
};
function formatHintText(answer, t) {
  const format3 = typeof answer?.format === "string" ? answer.format : "";
  const example = typeof answer?.example === "string" ? answer.example : "";
  if (!format3) return example ? t("formatExampleOnly", { example }) : "";
  const legend = String(answer.legend ?? "").split(/,\s*/).filter(Boolean).map((entry) => {
    const [symbol, meaning] = entry.split(/\s*=\s*/);
    const key = LEGEND_KEYS[String(meaning ?? "").trim()];
    return key ? `${symbol} = ${t(key)}` : entry;
  }).join(", ");
  if (!legend) return example && example !== format3 ? t("formatHintExample", { format: format3, example, legend: "" }).replace(" ()", "") : t("formatHint", { format: format3, legend: "" }).replace(" ()", "");
  return example && example !== format3 ? t("formatHintExample", { format: format3, example, legend }) : t("formatHint", { format: format3, legend });
}

// ../node_modules/btalk-forms/web/components/address-form/services/search.js
var search_default = {
  id: "search",
  method: "searchAddresses",
  minChars: 3,
  debounceMs: 250,
  /** -> [{ id, label, address }] (entries without an address object dropped). */
  async run(client, iso2, query) {
    const list = await client.searchAddresses(iso2, query);
    return (Array.isArray(list) ? list : []).filter((c) => c && c.address && typeof c.address === "object");
  }
};

// ../node_modules/btalk-forms/web/components/address-form/services/verify.js
var DIAL_ZONE2 = "dialZone";
function verifiableAddress(address) {
  const out = {};
  for (const [name, text] of Object.entries(address ?? {})) {
    const value = String(text ?? "").trim();
    if (name !== DIAL_ZONE2 && value !== "") out[name] = value;
  }
  return out;
}
var verify_default = {
  id: "verify",
  method: "validateAddressCandidates",
  /** -> { kind: 'found' } | { kind: 'foundOther', candidate } | { kind: 'unknown' } */
  async run(client, iso2, address) {
    const list = (await client.validateAddressCandidates(iso2, address) ?? []).filter((c) => c && c.address && typeof c.address === "object");
    if (list.length === 0) return { kind: "unknown" };
    const same = (candidate) => {
      const theirs = verifiableAddress(candidate.address);
      const names = /* @__PURE__ */ new Set([...Object.keys(theirs), ...Object.keys(address)]);
      return [...names].every((name) => theirs[name] === address[name]);
    };
    return list.some(same) ? { kind: "found" } : { kind: "foundOther", candidate: list[0] };
  }
};

// ../node_modules/btalk-forms/web/components/address-form/services/postal-codes.js
var postal_codes_default = {
  id: "postalCodes",
  method: "postalCodes",
  field: "pc",
  minChars: 4,
  debounceMs: 250,
  /** -> [{ value, display, address }] */
  async run(client, iso2, query) {
    const list = await client.postalCodes(iso2, query, { notFound: "error" });
    return (Array.isArray(list) ? list : []).filter((code) => code && code.value !== void 0 && code.value !== null);
  }
};

// ../node_modules/btalk-forms/web/components/address-form/services/parishes.js
var parishes_default = {
  id: "parishes",
  method: "parishes",
  field: "a4",
  parents: ["a1", "a2"],
  debounceMs: 250,
  /** -> [{ value, display }] */
  async run(client, iso2, { a1, a2 }) {
    const list = await client.parishes(iso2, { a1, a2 }, { notFound: "error" });
    return Array.isArray(list) ? list : [];
  }
};

// ../node_modules/btalk-forms/web/components/address-form/services/index.js
var SERVICES = Object.freeze({ search: search_default, verify: verify_default, postalCodes: postal_codes_default, parishes: parishes_default });
var isNotOffered = (error) => error?.status === 404 || error?.code === "SEARCH_NOT_SUPPORTED" || error?.body?.code === "SEARCH_NOT_SUPPORTED";
var learned = /* @__PURE__ */ new Map();
var keyOf = (client, iso2) => `${client?.baseUrl ?? ""} ${iso2}`;
async function discoverServices(client, iso2) {
  const offered = {};
  for (const [id, service] of Object.entries(SERVICES)) offered[id] = typeof client?.[service.method] === "function";
  let probed = null;
  if (typeof client?.addressServices === "function") {
    try {
      probed = await client.addressServices(iso2);
    } catch {
      probed = null;
    }
  }
  const missing = learned.get(keyOf(client, iso2)) ?? /* @__PURE__ */ new Set();
  for (const id of Object.keys(offered)) {
    if (probed && probed[id] === false) offered[id] = false;
    if (missing.has(id)) offered[id] = false;
  }
  return offered;
}
function markMissing(client, iso2, id) {
  const key = keyOf(client, iso2);
  if (!learned.has(key)) learned.set(key, /* @__PURE__ */ new Set());
  learned.get(key).add(id);
}

// ../node_modules/btalk-forms/web/components/address-form/address-form.lookups.js
var timer = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(id) };
};
var LookupsMixin = (Base) => class extends Base {
  #timers = /* @__PURE__ */ new Map();
  // name -> { cancel }
  #seq = { search: 0, postal: 0, verify: 0 };
  /** Runs `fn` after `ms` unless called again (per name). */
  debounce(name, fn, ms) {
    this.#timers.get(name)?.cancel();
    const later = this.host.later ?? timer;
    this.#timers.set(name, later(() => {
      this.#timers.delete(name);
      fn();
    }, ms));
  }
  cancelLookups() {
    for (const pending of this.#timers.values()) pending.cancel();
    this.#timers.clear();
    this.#seq.search++;
    this.#seq.postal++;
    this.#seq.verify++;
  }
  /** The API told us a service does not exist after all: never offer it again for this country. */
  lost(id) {
    markMissing(this.host.client(), this.state.iso2, id);
    this.state.services = { ...this.state.services, [id]: false };
    if (id === "verify") this.state.services.search = false;
  }
  // ---- geographical areas -----------------------------------------------------
  /** Loads the choices of level `level` for the values chosen above, then goes on down. */
  async loadGeoLevel(level, generation) {
    const { state } = this;
    const field = this.fieldAt(level);
    if (!field || generation !== this.generation) return;
    const parents = [];
    for (let l = 1; l < level; l++) {
      const parent = this.fieldAt(l);
      const chosen = parent ? state.values.get(parent.name) : "";
      if (!chosen) {
        state.geo.set(level, { options: null, parents: "" });
        this.changed();
        return;
      }
      parents.push(chosen);
    }
    const key = JSON.stringify(parents);
    const existing = state.geo.get(level);
    if (!(existing?.options && existing.parents === key)) {
      state.geo.set(level, { options: null, parents: key });
      const done = this.startBusy("loadingAreas", { label: field.label });
      let options;
      try {
        options = await this.host.client().geoAreas(state.data.iso2, parents);
      } catch (error) {
        if (generation === this.generation && state.geo.get(level)?.parents === key) {
          this.fail("areasFailed", error, () => this.loadGeoLevel(level, this.generation), { label: field.label });
        }
        return;
      } finally {
        done();
      }
      if (generation !== this.generation || state.geo.get(level)?.parents !== key) return;
      state.geo.set(level, { options: Array.isArray(options) ? options : [], parents: key });
      this.geoListLoaded(level, parents, state.geo.get(level).options);
      this.validate();
      this.changed();
    }
    if (state.values.get(field.name)) await this.loadGeoLevel(level + 1, generation);
  }
  // ---- address search ---------------------------------------------------------
  searchInput(text) {
    const query = String(text ?? "").trim();
    this.state.search.query = String(text ?? "");
    if (query.length < SERVICES.search.minChars || !this.state.services.search) {
      this.#timers.get("search")?.cancel();
      this.#seq.search++;
      this.closeCandidates();
      return;
    }
    this.debounce("search", () => this.runSearch(query), SERVICES.search.debounceMs);
  }
  async runSearch(query) {
    const { state } = this;
    if (!state.data) return;
    const seq = ++this.#seq.search;
    const done = this.startBusy("searching");
    state.search.busy = true;
    let candidates;
    try {
      candidates = await SERVICES.search.run(this.host.client(), state.data.iso2, query);
    } catch (error) {
      if (seq !== this.#seq.search) return;
      if (isNotOffered(error)) {
        this.lost(error?.status === 404 ? "verify" : "search");
        this.closeCandidates();
        this.setInfo("searchUnavailable");
      } else {
        this.fail("searchFailed", error, () => this.runSearch(query));
      }
      return;
    } finally {
      state.search.busy = false;
      done();
    }
    if (seq !== this.#seq.search) return;
    state.search = { ...state.search, candidates, active: -1, status: candidates.length ? "found" : "none" };
    this.changed();
  }
  closeCandidates() {
    this.state.search = { ...this.state.search, candidates: [], active: -1, status: null };
    this.changed();
  }
  /** Arrow keys over the open list: the active option moves; it wraps around. */
  moveActive(step) {
    const { search } = this.state;
    const count = search.candidates.length;
    if (!count) return;
    search.active = search.active < 0 ? step > 0 ? 0 : count - 1 : (search.active + step + count) % count;
    this.changed();
  }
  chooseCandidate(index) {
    const candidate = this.state.search.candidates[index];
    if (!candidate) return null;
    this.useAddress(candidate.address);
    this.state.search = { candidates: [], active: -1, status: null, query: "" };
    this.setInfo("candidateChosen", { label: candidate.label ?? "" });
    this.changed();
    return candidate;
  }
  // ---- verification -----------------------------------------------------------
  /** A verdict on the previous address no longer applies. */
  verifyOutdated() {
    this.#seq.verify++;
    this.state.verify.result = null;
  }
  async verify() {
    const { state } = this;
    if (!state.data || state.verify.running || !state.services.verify) return;
    const address = verifiableAddress(this.value);
    if (Object.keys(address).length === 0) {
      state.verify.result = { kind: "empty" };
      this.changed();
      return;
    }
    const seq = ++this.#seq.verify;
    const generation = this.generation;
    this.clearFailure();
    state.verify = { running: true, result: null };
    const done = this.startBusy("verifying");
    let result;
    try {
      result = await SERVICES.verify.run(this.host.client(), state.data.iso2, address);
    } catch (error) {
      if (generation !== this.generation) return;
      if (error?.status === 404) {
        this.lost("verify");
        this.setInfo("verifyUnavailable");
      } else if (seq === this.#seq.verify) {
        this.fail("verifyFailed", error, () => this.verify());
      }
      return;
    } finally {
      state.verify.running = false;
      done();
    }
    if (generation !== this.generation || seq !== this.#seq.verify) return;
    state.verify.result = result;
    this.changed();
  }
  useVerifiedFormat() {
    const candidate = this.state.verify.result?.candidate;
    if (!candidate) return;
    this.useAddress(candidate.address);
    this.state.verify.result = { kind: "applied" };
    this.changed();
  }
  // ---- postal codes (Portugal) ------------------------------------------------
  postalInput(text) {
    const query = String(text ?? "").trim();
    if (query.length < SERVICES.postalCodes.minChars || !this.state.services.postalCodes) {
      this.closePostalCodes();
      return;
    }
    this.debounce("postal", () => this.runPostalCodes(query), SERVICES.postalCodes.debounceMs);
  }
  closePostalCodes() {
    this.#timers.get("postal")?.cancel();
    this.#seq.postal++;
    if (this.state.postal.codes.length || this.state.postal.status) {
      this.state.postal = { codes: [], status: null };
      this.changed();
    }
  }
  async runPostalCodes(query) {
    const { state } = this;
    if (!state.data) return;
    const seq = ++this.#seq.postal;
    const done = this.startBusy("postalCodesSearching");
    let codes;
    try {
      codes = await SERVICES.postalCodes.run(this.host.client(), state.data.iso2, query);
    } catch (error) {
      if (seq !== this.#seq.postal) return;
      if (error?.status === 404) {
        this.lost("postalCodes");
        state.postal = { codes: [], status: null };
      } else {
        this.fail("postalCodesFailed", error, () => this.runPostalCodes(query));
      }
      return;
    } finally {
      done();
    }
    if (seq !== this.#seq.postal) return;
    state.postal = { codes, status: codes.length ? "found" : "none" };
    this.changed();
  }
  /** Fills the postal code and the fields it determines; a parish of another municipality goes. */
  choosePostalCode(index) {
    const { state } = this;
    const code = state.postal.codes[index];
    if (!code) return;
    const address = code.address && typeof code.address === "object" ? code.address : {};
    const filled = { pc: String(code.value), ...address };
    const { field: parish, parents } = SERVICES.parishes;
    const parentsChanged = parents.some((name) => name in filled && String(filled[name]) !== (state.values.get(name) ?? ""));
    if (parentsChanged && !(parish in filled)) state.values.delete(parish);
    const labels = [];
    for (const [name, text] of Object.entries(filled)) {
      if (text === void 0 || text === null || !this.field(name)) continue;
      if (name !== "pc") labels.push(this.field(name).label);
      state.values.set(name, String(text));
      state.touched.add(name);
      state.notes.delete(name);
      state.serverProblems = state.serverProblems.filter((problem) => problem.field !== name);
    }
    this.verifyOutdated();
    this.closePostalCodes();
    state.postal = { codes: [], status: null };
    const fields = typeof this.host.list === "function" ? this.host.list(labels) : labels.join(", ");
    this.setInfo("postalCodeChosen", { label: String(code.display || code.value), fields });
    this.validate();
    this.changed();
    this.host.emit("btalk-change", { address: this.value });
    this.#timers.get("parish")?.cancel();
    this.loadParishes(this.generation);
  }
  // ---- parishes (Portugal) ----------------------------------------------------
  parishSoon() {
    this.debounce("parish", () => this.loadParishes(this.generation), SERVICES.parishes.debounceMs);
  }
  /** Lists the parishes of the chosen a1/a2 in the parish field (a select), or keeps it free text. */
  async loadParishes(generation) {
    const { state } = this;
    const { field: name, parents: parentNames } = SERVICES.parishes;
    const field = this.field(name);
    if (!state.data || !field || generation !== this.generation || !field.parish) return;
    if (!state.services.parishes) return;
    const parents = parentNames.map((parent) => (state.values.get(parent) ?? "").trim());
    const key = JSON.stringify(parents);
    if (parents.some((text) => text === "")) {
      this.setParishes("", null);
      return;
    }
    if (state.parish.key === key) return;
    state.parish = { key, options: state.parish.options };
    const done = this.startBusy("loadingAreas", { label: field.label });
    let options;
    try {
      options = await SERVICES.parishes.run(this.host.client(), state.data.iso2, { a1: parents[0], a2: parents[1] });
    } catch (error) {
      if (generation !== this.generation || state.parish.key !== key) return;
      if (error?.status === 404) {
        this.lost("parishes");
        this.setParishes("", null);
      } else {
        state.parish = { key: "", options: state.parish.options };
        this.fail("areasFailed", error, () => this.loadParishes(this.generation), { label: field.label });
      }
      return;
    } finally {
      done();
    }
    if (generation !== this.generation || state.parish.key !== key) return;
    this.setParishes(key, options.length ? options : null);
  }
  /** The parish field becomes a select (a list) or stays free text; its value is kept. */
  setParishes(key, options) {
    const before = this.state.parish.options;
    this.state.parish = { key, options };
    if (before === null && options === null) return;
    this.rebuildFields();
    this.validate();
    this.changed();
  }
};

// ../node_modules/btalk-forms/web/components/address-form/address-form.normalize.js
var NormalizeMixin = (Base) => class extends Base {
  /** The canonical value of field `name` (core.normalizeAddress when the core has it). */
  canonical(name, text) {
    const { core } = this;
    const { data } = this.state;
    if (typeof core?.normalizeAddress === "function" && data) {
      try {
        const answer = core.normalizeAddress(data.constraintsText, { [name]: text });
        const value = answer?.address?.[name] ?? answer?.[name];
        if (typeof value === "string") return value;
      } catch {
      }
    }
    return basicNormalize(text);
  }
  /** Applies the canonical value to `name`; returns true when it changed (a note says so). */
  normalizeField(name) {
    const { state } = this;
    const field = this.field(name);
    const text = state.values.get(name);
    if (!field || field.select || typeof text !== "string" || text === "") return false;
    const next = this.canonical(name, text);
    if (next === text) return false;
    state.values.set(name, next);
    if (basicNormalize(text) !== next) state.notes.set(name, next);
    this.validate();
    this.host.emit("btalk-change", { address: this.value });
    if (name === POSTAL_CODE) this.postalInput(next);
    return true;
  }
  /**
   * Pasted text: whitespace around it is dropped before the length limit applies, the result
   * capped at maxLength and normalised. Returns the field's new text and caret.
   */
  paste(name, { before = "", after = "", pasted = "" }) {
    const field = this.field(name);
    const clean = basicNormalize(pasted);
    let text = `${before}${clean}${after}`;
    if (field?.maxLength && [...text].length > field.maxLength) text = [...text].slice(0, field.maxLength).join("");
    const caret = Math.min(text.length, before.length + clean.length);
    this.input(name, text);
    this.normalizeField(name);
    this.changed();
    return { text: this.state.values.get(name) ?? text, caret };
  }
};

// ../node_modules/btalk-forms/web/components/address-form/address-form.controller.js
var NO_SERVICES = Object.freeze({ search: false, verify: false, postalCodes: false, parishes: false });
var AddressFormController = class extends LookupsMixin(NormalizeMixin(Object)) {
  /** @param {ControllerHost} host */
  constructor(host) {
    super();
    this.host = host;
    this.state = {
      status: "empty",
      // empty (no country) | loading | ready | failed
      iso2: "",
      data: null,
      // { iso2, constraints, geographicalConstraints, form, dialZones }
      fields: [],
      fieldsKey: "",
      values: /* @__PURE__ */ new Map(),
      // element name -> text; survives country changes
      extras: /* @__PURE__ */ new Set(),
      // names a chosen candidate set beyond the form's fields
      touched: /* @__PURE__ */ new Set(),
      notes: /* @__PURE__ */ new Map(),
      // name -> value the normaliser changed it to (shown once)
      submitted: false,
      serverProblems: [],
      result: { valid: false, problems: [] },
      geo: /* @__PURE__ */ new Map(),
      // level -> { options | null, parents }
      services: NO_SERVICES,
      busy: /* @__PURE__ */ new Map(),
      // token -> { key, params }
      info: null,
      // { key, params, kind }
      failure: null,
      // { key, params, error, retry }
      search: { candidates: [], active: -1, status: null },
      postal: { codes: [], status: null },
      parish: { key: "", options: null },
      verify: { running: false, result: null },
      saving: false
    };
    this.core = null;
    this.validator = null;
    this.generation = 0;
    this.busySeq = 0;
    this.validityKey = null;
  }
  // ---- helpers --------------------------------------------------------------
  get ready() {
    return this.state.status === "ready";
  }
  changed() {
    this.host.update();
  }
  fail(key, error, retry, params = {}) {
    this.state.failure = { key, params, error, retry: retry ?? null };
    const message = this.host.t(key, { ...params, message: this.host.errorText(error) });
    this.host.emit("btalk-error", {
      message,
      status: typeof error?.status === "number" ? error.status : 0,
      code: typeof error?.code === "string" ? error.code : error?.name ?? "error"
    });
  }
  clearFailure() {
    this.state.failure = null;
  }
  retry() {
    const retry = this.state.failure?.retry;
    this.state.failure = null;
    this.changed();
    retry?.();
  }
  setInfo(key, params = {}, kind = "") {
    this.state.info = key ? { key, params, kind } : null;
  }
  startBusy(key, params = {}) {
    const token = ++this.busySeq;
    this.state.busy.set(token, { key, params });
    this.changed();
    return () => {
      this.state.busy.delete(token);
      this.changed();
    };
  }
  fieldAt(level) {
    return this.state.fields.find((field) => field.geoLevel === level) ?? null;
  }
  field(name) {
    return this.state.fields.find((field) => field.name === name) ?? null;
  }
  /** The address: { element: value } of the filled fields of the current country. */
  get value() {
    const { values, extras, fields } = this.state;
    const names = this.state.data ? [...fields.map((f) => f.name), ...extras] : [...values.keys()];
    const address = {};
    for (const name of names) {
      const text = values.get(name);
      if (text !== void 0 && text !== "") address[name] = text;
    }
    return address;
  }
  set value(address) {
    const { state } = this;
    state.values = /* @__PURE__ */ new Map();
    state.extras.clear();
    state.notes.clear();
    state.serverProblems = [];
    if (address && typeof address === "object") {
      for (const [name, text] of Object.entries(address)) {
        if (text !== void 0 && text !== null) state.values.set(name, String(text));
      }
    }
    if (!state.data) return;
    state.verify.result = null;
    this.validate();
    this.changed();
    this.loadGeoLevel(1, this.generation);
    this.loadParishes(this.generation);
  }
  // ---- loading --------------------------------------------------------------
  /** Loads the form of the host's country; stale answers (a newer load started) are dropped. */
  async load() {
    const { state } = this;
    const iso2 = this.host.iso2();
    const generation = ++this.generation;
    this.cancelLookups();
    this.disposeValidator();
    Object.assign(state, {
      iso2,
      data: null,
      fields: [],
      fieldsKey: `${generation}`,
      geo: /* @__PURE__ */ new Map(),
      services: NO_SERVICES,
      failure: null,
      info: null,
      busy: /* @__PURE__ */ new Map(),
      parish: { key: "", options: null },
      verify: { running: false, result: null },
      search: { candidates: [], active: -1, status: null, query: "" },
      postal: { codes: [], status: null }
    });
    if (!iso2) {
      state.status = "empty";
      this.setInfo("noCountry");
      this.validate();
      this.changed();
      return;
    }
    state.status = "loading";
    const done = this.startBusy("loadingCountry");
    let client;
    let answer;
    let services;
    try {
      client = this.host.client();
      const corePromise = this.core ? Promise.resolve(this.core) : this.host.core(client);
      [this.core, answer, services] = await Promise.all([corePromise, client.countryForm(iso2), discoverServices(client, iso2)]);
    } catch (error) {
      if (generation !== this.generation) return;
      state.status = "failed";
      this.validate();
      done();
      this.fail("loadFailed", error, () => this.load());
      this.changed();
      return;
    }
    if (generation !== this.generation) return;
    const form = answer.form ?? this.core.addressForm(answer.constraints, answer.geographicalConstraints ?? void 0);
    state.data = {
      iso2,
      constraints: answer.constraints,
      constraintsText: JSON.stringify(answer.constraints),
      geographicalConstraints: answer.geographicalConstraints ?? null,
      form,
      dialZones: Array.isArray(answer.dialZones) ? answer.dialZones : []
    };
    state.services = services;
    state.status = "ready";
    this.compileValidator();
    this.rebuildFields();
    state.extras.clear();
    state.serverProblems = [];
    state.submitted = false;
    state.info = null;
    state.failure = null;
    state.touched = new Set([...state.touched].filter((name) => this.field(name)));
    this.validate();
    done();
    this.host.emit("btalk-loaded", { country: iso2 });
    this.loadGeoLevel(1, generation);
    this.loadParishes(generation);
  }
  /** Re-derives the field models (language, parish list); the view rebuilds when fieldsKey changes. */
  rebuildFields() {
    const { state } = this;
    if (!state.data) {
      state.fields = [];
      return;
    }
    const parishOn = state.services.parishes;
    state.fields = buildFields({
      form: state.data.form,
      constraints: state.data.constraints,
      dialZones: state.data.dialZones,
      lang: this.host.lang(),
      t: this.host.t,
      parish: parishOn ? { field: SERVICES.parishes.field, options: state.parish.options } : null
    });
    state.fieldsKey = `${this.generation}:${this.host.lang()}:${state.parish.options ? state.parish.key : ""}`;
  }
  /** Compiles the schema once per country when the core can (validate on every keystroke). */
  compileValidator() {
    const { core } = this;
    const { data } = this.state;
    if (typeof core?.compileConstraints !== "function" || !data) return;
    try {
      this.validator = core.compileConstraints(data.constraints, data.geographicalConstraints ?? void 0);
    } catch {
      this.validator = null;
    }
  }
  /** A geographical list arrived: the compiled validator checks that level's value against it. */
  geoListLoaded(level, parents, options) {
    if (typeof this.validator?.setGeoAreas !== "function") return;
    try {
      this.validator.setGeoAreas(level, parents, options.map((option) => String(option?.value ?? "")));
    } catch {
    }
  }
  disposeValidator() {
    try {
      this.validator?.dispose?.();
    } catch {
    }
    this.validator = null;
  }
  dispose() {
    this.cancelLookups();
    this.disposeValidator();
  }
  // ---- validation -----------------------------------------------------------
  geoAreas() {
    const areas = {};
    for (const [level, entry] of this.state.geo) if (entry.options) areas[`area${level}`] = entry.options;
    return areas;
  }
  validate() {
    const { state } = this;
    let result;
    if (!state.data || !this.core) {
      result = { valid: false, problems: [], messageKey: state.iso2 ? "notLoaded" : "noCountry" };
    } else {
      try {
        if (this.validator) {
          result = this.validator.validate(this.value);
        } else {
          const options = { geoAreas: this.geoAreas() };
          if (state.data.geographicalConstraints) options.geographicalConstraints = state.data.geographicalConstraints;
          result = this.core.validateAddress(state.data.constraintsText, this.value, options);
        }
      } catch (error) {
        const message = this.host.t("coreFailed", { message: this.host.errorText(error) });
        result = { valid: false, problems: [{ field: "", code: error?.code ?? "internal", message }] };
      }
      const problems = [...result.problems ?? []];
      for (const problem of state.serverProblems) {
        if (!problems.some((p) => p.field === problem.field && p.code === problem.code)) problems.push(problem);
      }
      result = { valid: !!result.valid && state.serverProblems.length === 0, problems };
    }
    state.result = result;
    const key = JSON.stringify([result.valid, result.problems]);
    if (key !== this.validityKey) {
      this.validityKey = key;
      if (state.data) this.host.emit("btalk-validity", { valid: result.valid, problems: result.problems });
    }
    return result;
  }
  /** Problems in field order (unknown fields last). */
  orderedProblems() {
    const names = this.state.fields.map((f) => f.name);
    const rank = (problem) => {
      const index = names.indexOf(problem.field);
      return index < 0 ? names.length : index;
    };
    return [...this.state.result.problems].sort((a, b) => rank(a) - rank(b));
  }
  /** The problem shown under field `name` (touched or submitted), or null. */
  shownProblem(name) {
    if (!(this.state.touched.has(name) || this.state.submitted)) return null;
    return this.orderedProblems().find((p) => p.field === name) ?? null;
  }
  showAll() {
    for (const field of this.state.fields) this.state.touched.add(field.name);
    this.validate();
  }
  // ---- user input -----------------------------------------------------------
  /** A keystroke or a choice. Typed text is kept as typed: normalising waits for blur or paste. */
  input(name, text, { choice = false } = {}) {
    const { state } = this;
    state.values.set(name, text);
    state.notes.delete(name);
    state.serverProblems = state.serverProblems.filter((problem) => problem.field !== name);
    if (choice) state.touched.add(name);
    if (state.info?.kind === "success") state.info = null;
    const field = this.field(name);
    if (field?.geoLevel) {
      for (let level = field.geoLevel + 1; level <= 4; level++) {
        const child = this.fieldAt(level);
        if (!child) break;
        state.values.delete(child.name);
        state.geo.set(level, { options: null, parents: "" });
      }
      if (choice && name === POSTAL_CODE) this.fillPlaceFromPostalCode(field, text);
      if (text) this.loadGeoLevel(field.geoLevel + 1, this.generation);
    }
    this.verifyOutdated();
    if (name === POSTAL_CODE && !field?.select) this.postalInput(text);
    if (SERVICES.parishes.parents.includes(name)) this.parishSoon();
    this.validate();
    this.changed();
    this.host.emit("btalk-change", { address: this.value });
  }
  /**
   * A chosen postal code whose display names its place ("1000 Bruxelles / Brussel") fills an
   * empty (or auto-filled) free-text city with the place's first name.
   */
  fillPlaceFromPostalCode(field, value) {
    const { state } = this;
    const city = this.field("a3");
    if (!city || city.select) return;
    const option = (state.geo.get(field.geoLevel)?.options ?? []).find((o) => String(o.value) === value);
    const display = String(option?.display ?? "");
    const rest = display.startsWith(value) ? display.slice(value.length).replace(/^[\s,–-]+/, "") : "";
    const place = rest.split(" / ")[0].trim();
    const current = state.values.get("a3") ?? "";
    if (!place || current !== "" && current !== this.autoPlace) return;
    state.values.set("a3", place);
    state.touched.add("a3");
    this.autoPlace = place;
  }
  /** Leaving a field: its problem shows from now on, and its value takes its canonical form. */
  blur(name) {
    this.normalizeField(name);
    this.state.touched.add(name);
    this.validate();
    this.changed();
  }
  reset() {
    const { state } = this;
    state.values.clear();
    state.extras.clear();
    state.touched.clear();
    state.notes.clear();
    state.serverProblems = [];
    state.submitted = false;
    state.info = null;
    state.failure = null;
    state.search = { candidates: [], active: -1, status: null, query: "" };
    state.postal = { codes: [], status: null };
    state.verify.result = null;
    for (const [level, entry] of state.geo) if (level > 1) entry.options = null;
    if (state.parish.options) {
      state.parish = { key: "", options: null };
      this.rebuildFields();
    }
    this.validate();
    this.changed();
  }
  /** Replaces the address with `address` exactly as the API gave it (the push format). */
  useAddress(address) {
    const { state } = this;
    const dialZone = address[DIAL_ZONE] === void 0 ? state.values.get(DIAL_ZONE) : void 0;
    for (const field of state.fields) state.values.delete(field.name);
    for (const name of state.extras) state.values.delete(name);
    state.extras.clear();
    state.notes.clear();
    state.serverProblems = [];
    if (dialZone && this.field(DIAL_ZONE)) state.values.set(DIAL_ZONE, dialZone);
    for (const [name, text] of Object.entries(address)) {
      if (text === void 0 || text === null) continue;
      state.values.set(name, String(text));
      state.touched.add(name);
      if (!this.field(name)) state.extras.add(name);
    }
    for (const [level] of state.geo) if (level > 1) state.geo.set(level, { options: null, parents: "" });
    this.verifyOutdated();
    this.validate();
    this.changed();
    this.host.emit("btalk-change", { address: this.value });
    this.loadGeoLevel(1, this.generation);
    this.loadParishes(this.generation);
  }
  // ---- save -----------------------------------------------------------------
  /** Validates, then PUTs the address. Never rejects. */
  async save(customerCode, voiceSiteId) {
    const { state } = this;
    const notReady = { saved: false, error: { message: this.host.t("notLoaded"), status: 0, code: "notReady" } };
    if (!customerCode || !voiceSiteId || state.status === "loading") return notReady;
    this.clearFailure();
    state.info = null;
    state.serverProblems = [];
    state.submitted = true;
    for (const field of state.fields) this.normalizeField(field.name);
    this.showAll();
    if (!state.result.valid) {
      if (!state.data) this.setInfo(state.result.messageKey ?? "notLoaded");
      this.changed();
      return { saved: false, problems: state.result.problems };
    }
    const address = Object.fromEntries(Object.entries(this.value).map(([name, text]) => [name, String(text).trim()]).filter(([, text]) => text !== ""));
    const generation = this.generation;
    state.saving = true;
    const done = this.startBusy("saving");
    try {
      const answer = await this.host.client().pushVoiceAddress(customerCode, voiceSiteId, address);
      const savedId = String(answer?.voiceSiteId ?? voiceSiteId);
      const saved = answer?.voiceAddress && typeof answer.voiceAddress === "object" ? answer.voiceAddress : address;
      if (generation === this.generation) this.setInfo("saved", { voiceSiteId: savedId }, "success");
      this.host.emit("btalk-address-saved", { voiceSiteId: savedId, address: saved });
      return { saved: true, voiceSiteId: savedId, address: saved };
    } catch (error) {
      const detail = {
        message: error?.message ?? "",
        status: typeof error?.status === "number" ? error.status : 0,
        code: typeof error?.code === "string" ? error.code : error?.name ?? "error"
      };
      const problems = Array.isArray(error?.problems) && error.problems.length ? error.problems : Array.isArray(error?.body?.problems) ? error.body.problems : [];
      if (error?.status === 400 && problems.length) {
        state.serverProblems = problems.filter((p) => p && typeof p === "object").map((p) => ({ field: String(p.field ?? ""), code: String(p.code ?? "serverRejected"), message: String(p.message ?? "") }));
        this.validate();
        this.fail("serverRejected", error, null);
        return { saved: false, problems: state.serverProblems, error: detail };
      }
      this.fail("saveFailed", error, () => this.host.save?.());
      return { saved: false, error: detail };
    } finally {
      state.saving = false;
      done();
    }
  }
};

// ../node_modules/btalk-forms/web/components/address-form/i18n/en.js
var en_default = {
  loading: "Loading\u2026",
  loadingCountry: "Loading the address form\u2026",
  loadingAreas: "Loading the choices for {label}\u2026",
  searching: "Searching addresses\u2026",
  saving: "Saving the address\u2026",
  retry: "Retry",
  noCountry: "Choose a country to enter the address.",
  loadFailed: "The address form could not be loaded: {message}",
  areasFailed: "The choices for {label} could not be loaded: {message}",
  searchFailed: "The address search failed: {message}",
  saveFailed: "The address could not be saved: {message}",
  coreFailed: "The address could not be checked: {message}",
  errorStatus: "(HTTP {status})",
  choose: "Choose\u2026",
  none: "(none)",
  chooseParentFirst: "Choose the {labelLower} first",
  requiredMark: "*",
  requiredText: "(required)",
  moreInfo: "More information about {label}",
  opensNewWindow: "(opens in a new window)",
  dialZoneLabel: "Dial zone",
  dialZoneDescription: "The dial zone local to the site (not checked by Business Talk).",
  searchLabel: "Find the address",
  searchDescription: "Type part of the address, then choose it in the list to fill the form.",
  searchNone: "No address found.",
  "searchFound.one": "1 address found. Use the arrow keys to choose it, then Enter.",
  "searchFound.other": "{count} addresses found. Use the arrow keys to choose one, then Enter.",
  candidateChosen: "Address filled in: {label}",
  summaryTitle: "Please correct the following:",
  summaryOther: "{message}",
  save: "Save the address",
  saved: "The address was saved for voicesite {voiceSiteId}.",
  serverRejected: "Business Talk rejected the address: {message}",
  invalidAddress: "The address has problems: correct the highlighted fields.",
  notLoaded: "The address form is not loaded yet.",
  constraintBroken: "This field's rule from the API is broken: {message}",
  unknownValue: "{value} (not in the list)",
  postalCodesSearching: "Looking up postal codes\u2026",
  postalCodesFailed: "The postal code look-up failed: {message}",
  postalCodesNone: "No postal code found.",
  "postalCodesFound.one": "1 postal code found. Use Tab or the arrow keys to choose it.",
  "postalCodesFound.other": "{count} postal codes found. Use Tab or the arrow keys to choose one.",
  postalCodeChosen: "Postal code {label} chosen; filled in: {fields}.",
  verify: "Verify address",
  verifying: "Verifying the address\u2026",
  verifyFound: "Address found.",
  verifyFoundOtherFormat: "Address found. Business Talk writes it: {label}",
  verifyUseFormat: "Use this format",
  verifyApplied: "The address now uses the Business Talk format.",
  verifyUnknown: "This address is not known to the Business Talk address service. Check it; you can still save it if the form accepts it.",
  verifyEmpty: "Fill in the address before verifying it.",
  verifyFailed: "The address could not be verified: {message}",
  verifyUnavailable: "Address verification is not available for this country.",
  searchUnavailable: "Address search is not available for this country: fill in the fields below.",
  normalized: "Changed to \u201C{value}\u201D.",
  formatHint: "expected format: {format} ({legend})",
  formatHintExample: "expected format: {format}, for example {example} ({legend})",
  formatExampleOnly: "for example {example}",
  // The format's placeholders (the core names them: 9 = digit, A = capital letter, a, X).
  "legend.digit": "digit",
  "legend.capitalLetter": "capital letter",
  "legend.letter": "letter",
  "legend.smallLetter": "small letter",
  "legend.letterOrDigit": "letter or digit",
  // Problems, by code. {label} is the field's label; {min}, {max} lengths; {hint} the format hint.
  "problem.valueMissing": "{label}: this field is required.",
  "problem.tooShort": "{label}: at least {min} characters.",
  "problem.tooLong": "{label}: at most {max} characters.",
  "problem.typeMismatch": "{label}: digits only (0 to 9).",
  "problem.patternMismatch": "{label}: the format is not valid.",
  "problem.patternMismatchHint": "{label}: the format is not valid; {hint}.",
  "problem.notAllowed": "{label}: this value is not allowed.",
  "problem.unknownField": "{label}: this field does not exist for this country.",
  // The PIDF-LO elements' own names (RFC 4119/5139), used when the API gives a field no label.
  "element.a1": "State or region",
  "element.a2": "County or district",
  "element.a3": "City",
  "element.a4": "City district",
  "element.a5": "Neighbourhood",
  "element.a6": "Street name",
  "element.hno": "Street number",
  "element.hns": "Street number suffix",
  "element.sts": "Street type",
  "element.flr": "Floor",
  "element.bld": "Building",
  "element.room": "Room",
  "element.pc": "Postal code",
  "element.pcn": "Postal community name",
  "element.pobox": "PO box",
  "element.prd": "Leading street direction",
  "element.pod": "Trailing street suffix",
  "element.unit": "Unit",
  "element.addrExtInfo": "Additional information {n}"
};

// ../node_modules/btalk-forms/web/components/address-form/address-form.strings.js
var CATALOGUE = new Catalogue({
  en: en_default,
  fr: () => Promise.resolve().then(() => (init_fr(), fr_exports)),
  de: () => Promise.resolve().then(() => (init_de(), de_exports)),
  es: () => Promise.resolve().then(() => (init_es(), es_exports)),
  it: () => Promise.resolve().then(() => (init_it(), it_exports)),
  nl: () => Promise.resolve().then(() => (init_nl(), nl_exports)),
  pt: () => Promise.resolve().then(() => (init_pt(), pt_exports))
});

// ../node_modules/btalk-forms/web/components/address-form/address-form.styles.js
var ADDRESS_FORM_CSS = `${BASE_CSS}
.search { display: flex; flex-direction: column; gap: 0.25rem; position: relative; }
.candidates[role="listbox"] { max-height: 16rem; overflow-y: auto; }
.candidates [role="option"] { padding: 0.45rem 0.6rem; cursor: pointer; }
.candidates [role="option"][aria-selected="true"] {
  background: var(--btalk-color-selected, #ffe5cc);
  outline: 2px solid var(--btalk-color-text, #1f1f1f); outline-offset: -2px;
}
.candidates [role="option"]:hover { background: var(--btalk-color-hover, #f2f2f2); }
.candidates [role="option"][aria-disabled="true"] { opacity: 0.6; cursor: not-allowed; }
.candidates[hidden] { display: none; }
/* The fields: one column; in a container wide enough, a short field shares its row. */
.fields {
  container-type: inline-size; container-name: btalk-fields;
  display: flex; flex-direction: column; gap: var(--btalk-field-gap, 0.6rem);
  min-width: 0;
}
.row { display: flex; flex-direction: column; gap: var(--btalk-field-gap, 0.6rem); min-width: 0; }
@container btalk-fields (min-width: 28rem) {
  /* The two fields share four grid rows (head, control, message, link): their inputs line up. */
  .row.pair { display: grid; grid-template-rows: repeat(4, auto); gap: 0 var(--btalk-gap, 0.9rem); align-items: start; }
  .row.pair > .field { display: grid; grid-row: span 4; grid-template-rows: subgrid; row-gap: 0.25rem; align-items: start; }
  .row.pair.sl { grid-template-columns: minmax(7rem, 1fr) 2.4fr; }
  .row.pair.ls { grid-template-columns: 2.4fr minmax(7rem, 1fr); }
  .row.pair.ss { grid-template-columns: 1fr 1fr; }
  /* A short field on its own row does not stretch across the whole form. */
  .field.short.alone { max-width: calc(50% - var(--btalk-gap, 0.9rem) / 2); }
}
/* Each field reserves one line for its message (error or "changed to" note): showing one on
   blur never moves the button under the pointer. Longer messages wrap and grow the line. */
.message { min-height: 1.5rem; }
.message > p { line-height: 1.5rem; }
.message .error:empty, .message .note:empty { display: none; }
/* Invalid: a thicker edge drawn inside the 1px border, so the input keeps its size. */
input[aria-invalid="true"], select[aria-invalid="true"] {
  border-width: 1px; box-shadow: inset 0 0 0 1px var(--btalk-color-error, #b00020);
}
input[aria-invalid="true"]:focus, select[aria-invalid="true"]:focus {
  box-shadow: inset 0 0 0 1px var(--btalk-color-error, #b00020), 0 0 0 2px var(--btalk-color-text, #1f1f1f);
}
.note { margin: 0; font-size: 0.9em; }
.field > .head, .field > .control { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
.field a[part="link"] { font-size: 0.9em; align-self: flex-start; margin-bottom: 0.5rem; }
.no-link { display: none; }
.verify-result { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
/* Empty, the live region stays rendered (so it is announced when filled) but takes no room. */
.verify-result:not(.status) {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.status.warning { border: 2px solid var(--btalk-color-accent, #ff7900); }
.field select:disabled { background: transparent; }
`;

// ../node_modules/btalk-forms/web/components/address-form/address-form.view.js
function setText(node, text) {
  const value = String(text ?? "");
  if (node.textContent !== value) node.textContent = value;
}
var AddressFormView = class {
  /**
   * @param {ShadowRoot} root
   * @param {object} on  handlers: input(name, text, choice), blur(name), paste(name, event),
   *   search(text), searchKey(event), choose(index), retry(), verify(), useFormat(), save(),
   *   postalKey(event), choosePostal(index), formKey(event)
   */
  constructor(root, on) {
    this.root = root;
    this.on = on;
    this.controls = /* @__PURE__ */ new Map();
    this.fieldsKey = null;
    this.ui = {};
    this.#skeleton();
  }
  #skeleton() {
    const { ui, on } = this;
    ui.status = h("p", { part: "status", class: "status", role: "status", "aria-live": "polite" });
    ui.alertText = h("span");
    ui.retry = h("button", { type: "button", class: "secondary", onclick: () => on.retry() });
    ui.alert = h("div", { part: "status", class: "status error-status", role: "alert", hidden: true }, ui.alertText, ui.retry);
    ui.summaryTitle = h("h2", { id: "summary-title" });
    ui.summaryList = h("ul");
    ui.summary = h("div", {
      part: "summary",
      class: "summary",
      role: "alert",
      tabindex: "-1",
      "aria-labelledby": "summary-title",
      hidden: true
    }, ui.summaryTitle, ui.summaryList);
    ui.searchLabel = h("label", { for: "search-input", class: "label", id: "search-label" });
    ui.searchDescription = h("p", { id: "search-desc", class: "description", part: "description" });
    ui.searchInput = h("input", {
      id: "search-input",
      type: "text",
      part: "input search-input",
      role: "combobox",
      autocomplete: "off",
      "aria-autocomplete": "list",
      "aria-describedby": "search-desc",
      "aria-controls": "candidates",
      "aria-expanded": "false",
      oninput: () => on.search(ui.searchInput.value),
      onkeydown: (event) => on.searchKey(event),
      onblur: () => on.searchBlur?.()
    });
    ui.candidates = h("ul", { id: "candidates", part: "candidates", class: "candidates", role: "listbox", "aria-labelledby": "search-label", hidden: true });
    ui.candidates.addEventListener("mousedown", (event) => event.preventDefault());
    ui.searchStatus = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
    ui.search = h(
      "div",
      { part: "search", class: "search", hidden: true },
      ui.searchLabel,
      ui.searchDescription,
      ui.searchInput,
      ui.candidates,
      ui.searchStatus
    );
    ui.fields = h("div", { class: "fields" });
    ui.verifyText = h("span");
    ui.verifyUse = h("button", { type: "button", part: "verify-use", class: "secondary", hidden: true, onclick: () => on.useFormat() });
    ui.verifyResult = h(
      "div",
      { part: "verify-result", class: "verify-result", role: "status", "aria-live": "polite" },
      ui.verifyText,
      ui.verifyUse
    );
    ui.verify = h("button", { type: "button", part: "verify", class: "secondary", hidden: true, onclick: () => on.verify() });
    ui.save = h("button", { type: "button", part: "save", hidden: true, onclick: () => on.save() });
    ui.actions = h("div", { class: "actions" }, ui.verify, ui.save);
    ui.form = h(
      "div",
      { part: "form", class: "stack", "aria-busy": "false" },
      ui.status,
      ui.alert,
      ui.summary,
      ui.search,
      ui.fields,
      ui.verifyResult,
      ui.actions
    );
    ui.form.addEventListener("keydown", (event) => on.formKey(event));
    this.root.append(ui.form);
  }
  /** The name of the field that has the focus, or null. */
  focusedField() {
    const active = this.root.activeElement;
    for (const [name, control] of this.controls) if (control.input === active) return name;
    return null;
  }
  focusField(name) {
    const input = this.controls.get(name)?.input;
    if (input && !input.disabled) input.focus();
    return !!input;
  }
  /**
   * Renders everything from `ctrl.state`. `t` is the localizer's t; `env` gives what the element
   * knows: { disabled, canSave, headingLevel }.
   */
  render(ctrl, t, env) {
    const { state } = ctrl;
    const { ui } = this;
    this.formatHint = env.formatHint;
    if (state.fieldsKey !== this.fieldsKey) this.#buildFields(ctrl, t, env);
    setText(ui.retry, t("retry"));
    setText(ui.summaryTitle, t("summaryTitle"));
    if (env.headingLevel) ui.summaryTitle.setAttribute("aria-level", String(env.headingLevel));
    else ui.summaryTitle.removeAttribute("aria-level");
    setText(ui.searchLabel, t("searchLabel"));
    setText(ui.searchDescription, t("searchDescription"));
    this.#renderStatus(state, t, env);
    this.#renderSearch(ctrl, t, env);
    for (const control of this.controls.values()) this.#renderField(ctrl, control, t, env);
    this.#renderSummary(ctrl, t);
    this.#renderVerify(state, t, env);
    const loading = state.status === "loading";
    ui.save.hidden = !env.canSave;
    setText(ui.save, state.saving ? t("saving") : t("save"));
    ui.save.disabled = env.disabled || state.saving || loading;
  }
  #renderStatus(state, t, env) {
    const { ui } = this;
    const busy = state.busy.size > 0;
    ui.form.setAttribute("aria-busy", busy ? "true" : "false");
    if (env.internals && "ariaBusy" in env.internals) env.internals.ariaBusy = busy ? "true" : "false";
    const last = busy ? [...state.busy.values()].pop() : state.info;
    setText(ui.status, last ? t(last.key, last.params) : "");
    ui.status.className = `status${!busy && state.info?.kind ? ` ${state.info.kind}` : ""}`;
    const failure = state.failure;
    ui.alert.hidden = !failure;
    setText(ui.alertText, failure ? t(failure.key, { ...failure.params, message: env.errorText(failure.error) }) : "");
    ui.retry.hidden = !failure?.retry;
  }
  #renderSearch(ctrl, t, env) {
    const { state } = ctrl;
    const { ui } = this;
    ui.search.hidden = !(state.status === "ready" && state.services.search);
    ui.searchInput.disabled = env.disabled;
    if (state.search.query === "" && ui.searchInput.value !== "") ui.searchInput.value = "";
    const { candidates, active, status } = state.search;
    const key = JSON.stringify([candidates.map((c) => c.label ?? ""), env.disabled]);
    if (key !== this.candidatesKey) {
      this.candidatesKey = key;
      ui.candidates.replaceChildren(...candidates.map((candidate, index) => h("li", {
        id: `candidate-${index}`,
        role: "option",
        part: "candidate",
        class: "candidate",
        "aria-selected": "false",
        "aria-disabled": env.disabled ? "true" : null,
        text: String(candidate.label ?? Object.values(candidate.address).join(", ")),
        onclick: () => {
          if (!env.disabled) this.on.choose(index);
        }
      })));
    }
    const open = candidates.length > 0 && !ui.search.hidden;
    ui.candidates.hidden = !open;
    ui.searchInput.setAttribute("aria-expanded", open ? "true" : "false");
    [...ui.candidates.children].forEach((item, index) => item.setAttribute("aria-selected", index === active ? "true" : "false"));
    if (open && active >= 0) {
      ui.searchInput.setAttribute("aria-activedescendant", `candidate-${active}`);
      ui.candidates.children[active]?.scrollIntoView?.({ block: "nearest" });
    } else {
      ui.searchInput.removeAttribute("aria-activedescendant");
    }
    setText(ui.searchStatus, status === "none" ? t("searchNone") : status === "found" ? t("searchFound", { count: candidates.length }) : "");
  }
  #buildFields(ctrl, t, env) {
    const { state } = ctrl;
    const focused = this.focusedField();
    this.controls = /* @__PURE__ */ new Map();
    this.candidatesKey = null;
    const rows = layoutRows(state.fields).map((row) => {
      const nodes = row.map((field) => this.#buildField(field, state.fields.indexOf(field), t));
      if (row.length === 1) {
        nodes[0].classList.add("alone");
        return nodes[0];
      }
      const shape = row.map((f) => f.short ? "s" : "l").join("");
      return h("div", { class: `row pair ${shape}` }, nodes);
    });
    this.ui.fields.replaceChildren(...rows);
    this.fieldsKey = state.fieldsKey;
    if (focused) this.focusField(focused);
  }
  #buildField(field, index, t) {
    const { on } = this;
    const id = `field-${index}`;
    const ids = { desc: `${id}-desc`, error: `${id}-error`, rule: `${id}-rule`, note: `${id}-note` };
    const lookup = field.name === "pc" && !field.select;
    const describedBy = [field.description ? ids.desc : null, field.ruleError ? ids.rule : null, ids.error, ids.note].filter(Boolean).join(" ");
    const common = {
      id,
      name: field.name,
      part: field.select ? "select" : "input",
      autocomplete: field.autocomplete,
      "aria-describedby": describedBy,
      "aria-required": field.required ? "true" : "false",
      "aria-invalid": "false"
    };
    let input;
    if (field.select) {
      input = h("select", { ...common, onchange: () => on.input(field.name, input.value, true) });
    } else {
      input = h("input", {
        ...common,
        type: "text",
        inputmode: field.inputmode,
        // maxlength caps typing; pasted text is trimmed before the cap (see the paste handler).
        maxlength: field.maxLength,
        "aria-controls": lookup ? `${id}-lookup` : null,
        oninput: () => on.input(field.name, input.value, false),
        onpaste: (event) => on.paste(field.name, event),
        onkeydown: lookup ? (event) => on.postalKey(event) : null
      });
    }
    input.addEventListener("blur", () => on.blur(field.name));
    const error = h("p", { id: ids.error, part: "error", class: "error" });
    const note = h("p", { id: ids.note, part: "note", class: "note" });
    const rule = field.ruleError ? h("p", { id: ids.rule, part: "error", class: "error", text: t("constraintBroken", { message: field.ruleError }) }) : null;
    const link = isHttpUrl(field.referenceUrl) ? h(
      "a",
      { part: "link", href: field.referenceUrl, target: "_blank", rel: "noopener noreferrer" },
      t("moreInfo", { label: field.label }),
      h("span", { class: "visually-hidden", text: ` ${t("opensNewWindow")}` })
    ) : null;
    const list = lookup ? h("ul", { id: `${id}-lookup`, part: "postal-codes", class: "candidates", role: "list" }) : null;
    const listStatus = lookup ? h("p", { class: "visually-hidden", role: "status", "aria-live": "polite" }) : null;
    const wrapper = h(
      "div",
      { part: "field", class: `field${field.short ? " short" : ""}`, "data-field": field.name },
      h(
        "div",
        { class: "head" },
        h(
          "label",
          { for: id, part: "label" },
          field.label,
          field.required ? h("span", { class: "required", "aria-hidden": "true", text: t("requiredMark") }) : null
        ),
        field.description ? h("p", { id: ids.desc, part: "description", class: "description", text: field.description }) : null
      ),
      h("div", { class: "control" }, input, list, listStatus, rule),
      // One reserved line under the input for its message: showing it never moves what is below.
      h("div", { class: "message" }, error, note),
      link ?? h("span", { class: "no-link" })
    );
    this.controls.set(field.name, { field, wrapper, input, error, note, lookup: list, lookupStatus: listStatus, optionsKey: null });
    return wrapper;
  }
  #renderField(ctrl, control, t, env) {
    const { state } = ctrl;
    const { field, input } = control;
    const current = state.values.get(field.name) ?? "";
    let unavailable = false;
    if (field.select) unavailable = this.#fillSelect(ctrl, control, current, t);
    else if (input.value !== current) input.value = current;
    input.disabled = env.disabled || unavailable;
    const problem = ctrl.shownProblem(field.name);
    const repeatsRule = problem?.code === "constraintError" && field.ruleError;
    setText(control.error, problem && !repeatsRule ? problemText(problem, field, t, env.formatHint) : "");
    input.setAttribute("aria-invalid", problem ? "true" : "false");
    const note = state.notes.get(field.name);
    setText(control.note, note !== void 0 && !problem ? t("normalized", { value: note }) : "");
    if (control.lookup) this.#renderPostalCodes(ctrl, control, t, env);
  }
  /** Puts the choices and the value into a select; returns true while its list is not there yet. */
  #fillSelect(ctrl, control, current, t) {
    const { state } = ctrl;
    const { field, input } = control;
    let options = field.options ?? [];
    let placeholder = field.required ? t("choose") : t("none");
    let unavailable = false;
    if (field.geoLevel !== null) {
      const entry = state.geo.get(field.geoLevel);
      options = entry?.options ?? [];
      if (!entry?.options) {
        unavailable = true;
        const parent = field.geoLevel > 1 ? ctrl.fieldAt(field.geoLevel - 1) : null;
        const parentChosen = parent ? !!state.values.get(parent.name) : true;
        placeholder = parentChosen ? t("loading") : t("chooseParentFirst", { label: parent.label, labelLower: lowerFirst(parent.label) });
      }
    }
    const key = JSON.stringify([placeholder, current, options.map((o) => [o?.value, o?.display])]);
    if (key !== control.optionsKey) {
      control.optionsKey = key;
      const nodes = [new Option(placeholder, "")];
      let found = current === "";
      for (const option of options) {
        if (!option || option.value === void 0 || option.value === null) continue;
        const value = String(option.value);
        const display = option.display === void 0 || option.display === null || option.display === "" ? value : String(option.display);
        nodes.push(new Option(display, value));
        if (value === current) found = true;
      }
      if (!found) nodes.push(new Option(unavailable ? current : t("unknownValue", { value: current }), current));
      input.replaceChildren(...nodes);
    }
    if (input.value !== current) input.value = current;
    return unavailable && current === "";
  }
  #renderPostalCodes(ctrl, control, t, env) {
    const { codes, status } = ctrl.state.postal;
    const key = JSON.stringify([codes.map((c) => [c.value, c.display]), env.disabled]);
    if (key !== control.codesKey) {
      control.codesKey = key;
      control.lookup.replaceChildren(...codes.map((code, index) => h("li", {}, h("button", {
        type: "button",
        class: "candidate",
        disabled: env.disabled,
        text: String(code.display || code.value),
        onclick: () => this.on.choosePostal(index),
        onkeydown: (event) => this.#listKey(event, control)
      }))));
    }
    setText(control.lookupStatus, status === "none" ? t("postalCodesNone") : status === "found" ? t("postalCodesFound", { count: codes.length }) : "");
  }
  /** Arrow keys and Escape in the postal code list. */
  #listKey(event, control) {
    const buttons = [...control.lookup.querySelectorAll("button")];
    const index = buttons.indexOf(event.currentTarget);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) control.input.focus();
      else buttons[Math.min(next, buttons.length - 1)].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      this.on.closePostal();
      control.input.focus();
    }
  }
  focusFirstPostalCode() {
    const first = this.controls.get("pc")?.lookup?.querySelector("button");
    first?.focus();
    return !!first;
  }
  #renderSummary(ctrl, t) {
    const { ui } = this;
    const problems = ctrl.state.submitted && ctrl.state.data ? ctrl.orderedProblems() : [];
    const seen = /* @__PURE__ */ new Set();
    const items = [];
    for (const problem of problems) {
      const control = this.controls.get(problem.field);
      if (control && seen.has(problem.field)) continue;
      seen.add(problem.field);
      items.push({ control, text: problemText(problem, control?.field, t, this.formatHint) });
    }
    const key = JSON.stringify([this.fieldsKey, items.map((item) => [item.control?.field.name ?? "", item.text])]);
    if (key === this.summaryKey) return;
    this.summaryKey = key;
    ui.summary.hidden = items.length === 0;
    ui.summaryList.replaceChildren(...items.map(({ control, text }) => h("li", {}, control ? h("button", { type: "button", class: "linklike", text, onclick: () => control.input.focus() }) : text)));
  }
  #renderVerify(state, t, env) {
    const { ui } = this;
    const { running, result: verdict } = state.verify;
    ui.verify.hidden = !(state.status === "ready" && state.services.verify);
    setText(ui.verify, running ? t("verifying") : t("verify"));
    ui.verify.disabled = env.disabled || running;
    ui.verifyResult.setAttribute("aria-busy", running ? "true" : "false");
    const result = ui.verify.hidden ? null : verdict;
    const texts = {
      found: () => t("verifyFound"),
      foundOther: () => t("verifyFoundOtherFormat", { label: result?.candidate?.label ?? "" }),
      unknown: () => t("verifyUnknown"),
      empty: () => t("verifyEmpty"),
      applied: () => t("verifyApplied")
    };
    setText(ui.verifyText, result ? texts[result.kind]?.() ?? "" : "");
    const kind = result?.kind === "unknown" ? "warning" : result?.kind === "empty" ? "" : "success";
    ui.verifyResult.className = `verify-result${result ? ` status ${kind}` : ""}`;
    ui.verifyUse.hidden = result?.kind !== "foundOther";
    setText(ui.verifyUse, ui.verifyUse.hidden ? "" : t("verifyUseFormat"));
    ui.verifyUse.disabled = env.disabled;
  }
};
function problemText(problem, field, t, formatHint) {
  if (problem.code === "constraintError") return t("constraintBroken", { message: problem.message ?? "" });
  const key = `problem.${problem.code}`;
  if (field && t(key) !== key) {
    const params = { label: field.label, min: field.minLength ?? "", max: field.maxLength ?? "" };
    if (problem.code === "patternMismatch") {
      const hint = formatHint?.(field, problem);
      if (hint) return t("problem.patternMismatchHint", { ...params, hint });
    }
    return t(key, params);
  }
  return String(problem.message || problem.code || "");
}

// ../node_modules/btalk-forms/web/components/address-form/address-form.component.js
var BtalkAddressForm = class extends BaseElement {
  static formAssociated = true;
  static observedAttributes = [
    "api-base",
    "country",
    "customer-code",
    "voicesite-id",
    "lang",
    "name",
    "disabled",
    "heading-level"
  ];
  #internals;
  #root;
  #view;
  #ctrl;
  #l10n;
  #client = null;
  #credentials = null;
  #overrides = null;
  #connected = false;
  #loadScheduled = false;
  #loadedKey = null;
  #formDisabled = false;
  #quietCheck = false;
  #saving = null;
  #pointer;
  #rendering = false;
  #renderAgain = false;
  #formatHints = /* @__PURE__ */ new Map();
  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.#root = this.attachShadow({ mode: "open" });
    adoptStyles(this.#root, ADDRESS_FORM_CSS);
    const self2 = this;
    const host = {
      getAttribute: (name) => self2.getAttribute(name),
      get parentNode() {
        return self2.parentNode;
      },
      get strings() {
        return self2.#overrides;
      }
    };
    this.#l10n = new LocalizeController(host, { catalogue: CATALOGUE, onChange: () => this.#languageChanged() });
    this.#ctrl = new AddressFormController({
      client: () => clientFor(this, BtalkAddressClient),
      // A client that exposes its core (loaded from a custom location) is preferred. Alone, the form
      // loads the address-only module; the full core when the page has it (loadAddressCore()).
      core: (client) => typeof client?.core === "function" ? client.core() : loadAddressCore(),
      iso2: () => this.#iso2(),
      lang: () => this.#l10n.lang,
      t: (key, params) => this.#t(key, params),
      list: (items) => this.#l10n.localizer.list(items),
      errorText: (error) => this.#errorText(error),
      emit: (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })),
      update: () => this.#render(),
      save: () => this.save()
    });
    this.#view = new AddressFormView(this.#root, this.#handlers());
    this.#pointer = new PointerHoldController(this.#root);
    this.addEventListener("invalid", () => {
      if (this.#quietCheck) return;
      this.#ctrl.state.submitted = true;
      this.#ctrl.showAll();
      this.#render();
    });
    this.#render();
  }
  // ---- lifecycle ------------------------------------------------------------
  connectedCallback() {
    upgradeProperties(this, ["client", "credentials", "strings", "value"]);
    this.#connected = true;
    this.#l10n.hostConnected();
    this.#render();
    if (this.#loadedKey !== this.#iso2()) this.#scheduleLoad();
  }
  disconnectedCallback() {
    this.#connected = false;
    this.#l10n.hostDisconnected();
    this.#ctrl.dispose();
    this.#loadedKey = null;
  }
  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === "country") {
      if (this.#connected && this.#loadedKey !== this.#iso2()) this.#scheduleLoad();
    } else if (name === "api-base") {
      if (this.#connected && !this.#client) this.#reload();
    } else if (name === "lang") {
      this.#l10n.update();
    } else {
      this.#render();
    }
  }
  formAssociatedCallback() {
    this.#render();
  }
  formDisabledCallback(disabled) {
    this.#formDisabled = disabled;
    this.#render();
  }
  formStateRestoreCallback(state) {
    if (typeof state !== "string") return;
    try {
      this.value = JSON.parse(state);
    } catch {
    }
  }
  formResetCallback() {
    this.#ctrl.reset();
    this.#ctrl.loadGeoLevel(1, this.#ctrl.generation);
  }
  // ---- public properties ----------------------------------------------------
  /** The BtalkClient to use; without one, a client is made from `api-base` (proxy mode). */
  get client() {
    return this.#client;
  }
  set client(value) {
    this.#client = value ?? null;
    if (this.#connected) this.#reload();
  }
  /** async () => ({ accessToken, apiKey }) for the auto-made client. A property only: never an attribute. */
  get credentials() {
    return this.#credentials;
  }
  set credentials(value) {
    this.#credentials = typeof value === "function" ? value : null;
    if (this.#connected && !this.#client) this.#reload();
  }
  /** Overrides of the UI strings (see the i18n catalogues), flat or per language. */
  get strings() {
    return { ...this.#l10n.localizer.strings };
  }
  set strings(value) {
    this.#overrides = value && typeof value === "object" ? { ...value } : null;
    this.#l10n.update();
  }
  /** The address: { element: value } for the filled fields of the current country (+ dialZone when manual). */
  get value() {
    return this.#ctrl.value;
  }
  set value(address) {
    this.#ctrl.value = address;
    this.#render();
  }
  get validity() {
    return this.#internals.validity;
  }
  get validationMessage() {
    return this.#internals.validationMessage;
  }
  get willValidate() {
    return this.#internals.willValidate;
  }
  get form() {
    return this.#internals.form;
  }
  get type() {
    return "btalk-address-form";
  }
  checkValidity() {
    this.#ctrl.validate();
    this.#updateInternals();
    this.#quietCheck = true;
    try {
      return this.#internals.checkValidity();
    } finally {
      this.#quietCheck = false;
    }
  }
  /** Validates, shows every problem with a summary and moves focus to the first. */
  reportValidity() {
    this.#ctrl.state.submitted = true;
    const valid = this.checkValidity();
    this.#ctrl.showAll();
    this.#render();
    if (!valid) this.#focusFirstError();
    return valid;
  }
  /**
   * Validates, then PUTs the address to the voicesite (`customer-code` + `voicesite-id`).
   * Never rejects: resolves { saved: true, voiceSiteId, address } or { saved: false, problems?, error? }.
   * A call while a save is in flight returns that save.
   */
  save() {
    if (!this.#saving) {
      const ready = !this.#isDisabled();
      this.#saving = (ready ? this.#ctrl.save(this.getAttribute("customer-code"), this.getAttribute("voicesite-id")) : Promise.resolve({ saved: false, error: { message: this.#t("notLoaded"), status: 0, code: "notReady" } })).then((result) => {
        if (!result.saved && (result.problems || result.error?.status === 400)) this.#focusFirstError();
        return result;
      }).finally(() => {
        this.#saving = null;
        this.#render();
      });
      this.#render();
    }
    return this.#saving;
  }
  /**
   * The current address as a PIDF-LO civic address (RFC 5139 `<civicAddress>`, from the core), with
   * `xml:lang` when `lang` is given; null until the form has loaded. A value XML cannot carry
   * (a control character) throws a BtalkCoreError naming the field.
   */
  toCivicAddressXml({ lang } = {}) {
    const core = this.#ctrl.core;
    if (!core || !this.#iso2()) return null;
    return core.toCivicAddressXml(this.value, { country: this.#iso2(), ...lang ? { lang } : {} });
  }
  // ---- loading --------------------------------------------------------------
  #iso2() {
    return (this.getAttribute("country") ?? "").trim().toUpperCase();
  }
  // Deferred to a microtask so properties set right after the element is created or inserted
  // (client, credentials, value) are used by the first load.
  #scheduleLoad() {
    if (this.#loadScheduled) return;
    this.#loadScheduled = true;
    queueMicrotask(() => {
      this.#loadScheduled = false;
      if (!this.#connected) return;
      this.#loadedKey = this.#iso2();
      this.#ctrl.load().then(() => {
        if (this.#ctrl.state.status === "failed") this.#loadedKey = null;
      });
    });
  }
  #reload() {
    this.#loadedKey = null;
    this.#scheduleLoad();
  }
  // ---- texts ----------------------------------------------------------------
  #t(key, params) {
    return this.#l10n.t(key, params);
  }
  #languageChanged() {
    this.#formatHints.clear();
    this.#ctrl.rebuildFields();
    this.#ctrl.validate();
    this.#render();
  }
  /** A failure as text: the API's message (never codes in brackets), with the HTTP status. */
  #errorText(error) {
    return errorMessage(error, { errorStatus: this.#t("errorStatus") });
  }
  /**
   * "expected format: 9999 AA, for example 1012 AB (9 = digit, A = capital letter)" from the core
   * (core.formatExample, or the problem's own format/example), when it can derive one.
   */
  #formatHint(field, problem) {
    const core = this.#ctrl.core;
    if (!field?.pattern) return "";
    if (!this.#formatHints.has(field.pattern)) {
      let answer2 = null;
      try {
        answer2 = typeof core?.formatExample === "function" ? core.formatExample(field.pattern) : null;
      } catch {
        answer2 = null;
      }
      this.#formatHints.set(field.pattern, answer2);
    }
    const answer = this.#formatHints.get(field.pattern) ?? (typeof problem?.example === "string" ? { format: problem.format ?? "", example: problem.example, legend: "" } : null);
    return formatHintText(answer, (key, params) => this.#t(key, params));
  }
  // ---- rendering ------------------------------------------------------------
  #isDisabled() {
    return this.#formDisabled || this.hasAttribute("disabled");
  }
  #render() {
    if (this.#rendering) {
      this.#renderAgain = true;
      return;
    }
    this.#rendering = true;
    try {
      do {
        this.#renderAgain = false;
        this.#renderOnce();
      } while (this.#renderAgain);
    } finally {
      this.#rendering = false;
    }
  }
  #renderOnce() {
    this.#view.render(this.#ctrl, (key, params) => this.#t(key, params), {
      disabled: this.#isDisabled(),
      canSave: !!(this.getAttribute("voicesite-id") && this.getAttribute("customer-code")),
      headingLevel: headingLevelOf(this, 6),
      internals: this.#internals,
      errorText: (error) => this.#errorText(error),
      formatHint: (field, problem) => this.#formatHint(field, problem)
    });
    if (this.#saving) this.#view.ui.save.disabled = true;
    this.#updateInternals();
  }
  /** A blur during a press waits for the click (see PointerHoldController). */
  #blur(name) {
    this.#pointer.defer(`blur:${name}`, () => this.#ctrl.blur(name));
  }
  #updateInternals() {
    const address = this.#ctrl.value;
    const prefix = this.getAttribute("name");
    const data = new FormData();
    for (const [name, text] of Object.entries(address)) data.append(prefix ? `${prefix}[${name}]` : name, text);
    this.#internals.setFormValue(data, JSON.stringify(address));
    const result = this.#ctrl.state.result;
    if (result.valid) {
      this.#internals.setValidity({});
      return;
    }
    const first = this.#ctrl.orderedProblems()[0];
    const field = first ? this.#ctrl.field(first.field) : null;
    const message = first ? problemText(first, field, (k, p) => this.#t(k, p), (f, p) => this.#formatHint(f, p)) : this.#t(result.messageKey ?? "notLoaded");
    const anchor = field ? this.#view.controls.get(field.name)?.input : void 0;
    if (anchor && anchor.isConnected) this.#internals.setValidity({ customError: true }, message, anchor);
    else this.#internals.setValidity({ customError: true }, message || this.#t("notLoaded"));
  }
  #focusFirstError() {
    for (const problem of this.#ctrl.orderedProblems()) {
      if (this.#view.focusField(problem.field)) return;
    }
    if (!this.#view.ui.summary.hidden) this.#view.ui.summary.focus();
  }
  // ---- user input -----------------------------------------------------------
  #handlers() {
    const ctrl = this.#ctrl;
    return {
      input: (name, text, choice) => ctrl.input(name, text, { choice }),
      blur: (name) => this.#blur(name),
      paste: (name, event) => this.#onPaste(name, event),
      search: (text) => ctrl.searchInput(text),
      // Leaving the combobox closes its list (a press on an option keeps the focus: see the view).
      searchBlur: () => {
        if (ctrl.state.search.candidates.length) ctrl.closeCandidates();
      },
      searchKey: (event) => this.#onSearchKey(event),
      choose: (index) => this.#choose(index),
      retry: () => ctrl.retry(),
      verify: () => {
        if (!this.#isDisabled()) ctrl.verify();
      },
      useFormat: () => {
        if (this.#isDisabled()) return;
        ctrl.useVerifiedFormat();
        this.#view.ui.verify.focus();
      },
      save: () => this.save(),
      postalKey: (event) => this.#onPostalKey(event),
      choosePostal: (index) => {
        ctrl.choosePostalCode(index);
        this.#view.focusField("pc");
      },
      closePostal: () => ctrl.closePostalCodes(),
      formKey: (event) => this.#onFormKey(event)
    };
  }
  /** Pasted text is trimmed before the length cap applies, then normalised (visibly). */
  #onPaste(name, event) {
    const input = event.currentTarget;
    const pasted = event.clipboardData?.getData("text/plain");
    if (typeof pasted !== "string" || this.#isDisabled()) return;
    event.preventDefault();
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const { text, caret } = this.#ctrl.paste(name, {
      before: input.value.slice(0, start),
      after: input.value.slice(end),
      pasted
    });
    input.value = text;
    input.setSelectionRange(Math.min(caret, text.length), Math.min(caret, text.length));
  }
  #onSearchKey(event) {
    const ctrl = this.#ctrl;
    const { candidates, active } = ctrl.state.search;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!candidates.length) return;
      event.preventDefault();
      ctrl.moveActive(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter") {
      if (active < 0) return;
      event.preventDefault();
      this.#choose(active);
    } else if (event.key === "Escape" && candidates.length) {
      event.preventDefault();
      ctrl.closeCandidates();
    }
  }
  #choose(index) {
    if (this.#isDisabled()) return;
    this.#ctrl.chooseCandidate(index);
    this.#view.ui.searchInput.value = "";
    this.#view.ui.searchInput.focus();
  }
  #onPostalKey(event) {
    if (event.key === "ArrowDown") {
      if (this.#view.focusFirstPostalCode()) event.preventDefault();
    } else if (event.key === "Escape" && this.#ctrl.state.postal.codes.length) {
      event.preventDefault();
      this.#ctrl.closePostalCodes();
    }
  }
  #onFormKey(event) {
    if (event.key !== "Enter" || event.defaultPrevented) return;
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement) || target === this.#view.ui.searchInput || target.type !== "text") return;
    event.preventDefault();
    this.#ctrl.blur(this.#view.focusedField() ?? "");
    if (this.form) this.form.requestSubmit();
    else if (!this.#view.ui.save.hidden) this.save();
    else this.reportValidity();
  }
};

// ../node_modules/btalk-forms/web/internal/define.js
function defineElement(name, constructor, registry = globalThis.customElements) {
  if (!registry || registry.get(name)) return;
  registry.define(name, constructor);
}

// ../node_modules/btalk-forms/web/components/address-form/address-form.js
defineElement("btalk-address-form", BtalkAddressForm);

// ../shared/mount.js
function mountAddressForm() {
  const { api, accessToken, apiKey } = window.btalkTest;
  const form = document.createElement("btalk-address-form");
  form.credentials = async () => ({ accessToken, apiKey });
  form.setAttribute("api-base", api);
  form.setAttribute("country", "FR");
  form.addEventListener("btalk-loaded", (event) => {
    window.loaded = event.detail.country;
  });
  form.addEventListener("btalk-error", (event) => {
    window.failed = event.detail.message;
  });
  document.body.append(form);
}

// main.js
mountAddressForm();
