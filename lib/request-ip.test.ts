import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ipFrom } from "@/lib/request-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("ipFrom", () => {
  it("reads the number of proxies from TRUSTED_PROXY_HOPS", () => {
    const chain = h({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 3.3.3.3" });
    expect(ipFrom(chain)).toBe(ipFrom(chain, env.TRUSTED_PROXY_HOPS));
  });

  it("with one proxy (the default) takes the address it added, not what the client sent", () => {
    // nginx `$remote_addr` (README) overwrites the header: one entry.
    expect(ipFrom(h({ "x-forwarded-for": "203.0.113.7" }), 1)).toBe("203.0.113.7");
    // `$proxy_add_x_forwarded_for` appends: a client forging its address only adds entries on the left.
    expect(ipFrom(h({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(ipFrom(h({ "x-forwarded-for": "1.1.1.1,2.2.2.2 , 203.0.113.7" }), 1)).toBe("203.0.113.7");
  });

  it("a client rotating forged addresses stays one address", () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => ipFrom(h({ "x-forwarded-for": `10.0.0.${i}, 203.0.113.7` }), 1)));
    expect([...seen]).toEqual(["203.0.113.7"]);
  });

  it("with two proxies takes the second entry from the right", () => {
    const chain = "6.6.6.6, 203.0.113.7, 10.0.0.2"; // forged, client (added by the outer proxy), outer proxy (added by the inner one)
    expect(ipFrom(h({ "x-forwarded-for": chain }), 2)).toBe("203.0.113.7");
    expect(ipFrom(h({ "x-forwarded-for": "203.0.113.7, 10.0.0.2" }), 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the leftmost, which a proxy added.
    expect(ipFrom(h({ "x-forwarded-for": "203.0.113.7" }), 2)).toBe("203.0.113.7");
  });

  it("ignores empty entries, and falls back to X-Real-IP, then to one shared bucket", () => {
    expect(ipFrom(h({ "x-forwarded-for": "203.0.113.7, " }), 1)).toBe("203.0.113.7");
    expect(ipFrom(h({ "x-forwarded-for": " , ", "x-real-ip": "192.0.2.4" }), 1)).toBe("192.0.2.4");
    expect(ipFrom(h({ "x-real-ip": " 192.0.2.4 " }), 1)).toBe("192.0.2.4");
    expect(ipFrom(h({}), 1)).toBe("direct");
  });
});
