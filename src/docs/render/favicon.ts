import type { Request, Response } from 'express';

/**
 * The portal's icon (a bank building on the header's blue), so browsers stop logging a 404 for
 * /favicon.ico. The ICO holds that SVG drawn at 16 and 32 px as PNGs (PNG-in-ICO, read by every
 * current browser), rendered once with Chromium; kept as text so it ships inside dist/.
 */
export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0f2a44"/><path d="M6 13 16 7l10 6z" fill="#fff"/><rect x="8" y="14" width="3" height="9" fill="#fff"/><rect x="14.5" y="14" width="3" height="9" fill="#fff"/><rect x="21" y="14" width="3" height="9" fill="#fff"/><rect x="6" y="24" width="20" height="2.5" fill="#fff"/></svg>';

export const FAVICON_ICO = Buffer.from(
  'AAABAAIAEBAAAAEAIACbAQAAJgAAACAgAAABACAA6wEAAMEBAACJUE5HDQoaCgAAAA1JSERSAAAAEAAAABAIBgAAAB/z/2EAAAFQSURBVHicxFNNKERRFP7OvKsU5g2F2SkLMqOwkI2i/DWxlGYzMdlZyGKShSRZyIaUpSY2JGUlYaXGAgsmplA2Fmo2zLA1HfdemeY1M3reZr66753vnPN9r949R1T4er0Gi1UQDxKoHjbA4CSYTjP0NSsMNtaIEAQIdqE/RAhJbZmQJACHUFohn2axhnZ/k37fJp6KOZiiUL7arML8dBjhsWHNo/tHWN6I4j39me9h+vo5S+TPGB8NYGFmEjUet6XxLfWBpfUtbB8cg5kLGwz1dKGjtRl/4eb+ESfnl1nuyi2qwtxUSMcrmzvo7mzTR8UKqpYrzjNwgtIbGOW1jYuWjLyJ2FUcL69JTe8envVRULnYddzannsLqcQZ7MDjH8jGQm5G+ncaRyYi+BekltwtfbtygIJwADlQe4aoa7ggdsntYq9cjkpbwp91PsxQJvINAAD//3iIlL0AAAAGSURBVAMAiBhkeaTyYEkAAAAASUVORK5CYIKJUE5HDQoaCgAAAA1JSERSAAAAIAAAACAIBgAAAHN6evQAAAGgSURBVHic7Je9S8NAGMafC2l08WMTBb/G1qWb3ZRSrWMnHUTBDiIq4iJ0dym4CZbi0KUWxEm3VqXoVv8A7egXVNykONik9Lw7sHRIzaW0vaU/SDje5PI8976X405HA4Pe4BqBFqFAgBCMoY1QihIBChS1y3Ixn/6LE37r9wYnDWinTHQRXYCZuTZR2/wp5l81HjCIlumWOIdrMc0z0R7whTaYixQUUAOiOqvBChTBtdngqR/KoH6WATICRXBtDS0yNT6K85NDcfF2yyaGfCHqpoPh8eBgaxV70WX0GR4Rq5gWjlMXOEpmYFqWm8+5MxCem0U8to3pCfs16vmthFg8gdz9A2SRMsBTzIWX5gOQIXtXEEZe3j8c3/3XgF26ZZEtS1MDTumWxaksridhu3H8Db8eb+pXI7Gd9Xqct2X6tGSg0/QM9Az0DCg3oHwl1Js9kFnF3DA8s2AbV14CnYJ+2u0L44k0Oo3QHvSFsmx7HIYC2OTLaZTSJBTBtcXZUEUW2Oivyk+3ETEJabW6zw6MFXQN+m2Z1V3eIo1hFcfzXwAAAP//MaFbfAAAAAZJREFUAwD1E6kMb8nbWQAAAABJRU5ErkJggg==',
  'base64',
);

const DAY = 'public, max-age=86400';

export function faviconIco(_req: Request, res: Response): void {
  res.set('Cache-Control', DAY).type('image/x-icon').send(FAVICON_ICO);
}

export function faviconSvg(_req: Request, res: Response): void {
  res.set('Cache-Control', DAY).type('image/svg+xml').send(FAVICON_SVG);
}
