extension StaticAsset {
    /// `/static/pulldoctor.css`: the only stylesheet (the policy forbids inline styles).
    ///
    /// Colours keep at least 4.5:1 contrast against their background (WCAG AA for body text). Below
    /// 40rem tables turn into stacked cards labelled from `data-label`, so a 360 px window never scrolls
    /// sideways; only `<pre>` blocks scroll, inside themselves.
    static let stylesheet = StaticAsset(path: "/static/pulldoctor.css", contentType: "text/css; charset=utf-8", body: """
        :root {
          --text: #1b1f24; --muted: #505a64; --bg: #ffffff; --panel: #f5f7f9; --line: #ccd3da;
          --link: #0b55c4; --head: #16202b; --head-text: #ffffff;
          --firing-bg: #fde8ea; --firing: #8a1020; --resolved-bg: #e3f3e8; --resolved: #0d5a2c;
          --pending-bg: #fff3d6; --pending: #6b4700; --focus: #c2410c;
          --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          font-family: var(--sans); line-height: 1.5; color: var(--text); background: var(--bg);
        }
        *, *::before, *::after { box-sizing: border-box; }
        body { margin: 0; overflow-wrap: anywhere; }
        a { color: var(--link); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, main:focus-visible {
          outline: 3px solid var(--focus); outline-offset: 2px;
        }
        .skip { position: absolute; left: 0.5rem; top: -3rem; background: var(--bg); color: var(--link);
          padding: 0.5rem 0.75rem; z-index: 10; border: 2px solid var(--link); }
        .skip:focus { top: 0.5rem; }
        header.site { background: var(--head); color: var(--head-text); padding: 0.6rem 1rem;
          display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; align-items: baseline; }
        header.site a { color: var(--head-text); }
        header.site .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
        header.site nav { display: flex; flex-wrap: wrap; gap: 0 1rem; }
        main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem; }
        footer.site { max-width: 72rem; margin: 2rem auto 1rem; padding: 0 1rem; color: var(--muted);
          font-size: 0.875rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
        .lead { font-size: 1.1rem; margin: 0 0 1rem; }
        .muted { color: var(--muted); }
        code, pre, kbd { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
          font-size: 0.875rem; }
        pre { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 0.6rem 0.75rem;
          margin: 0; overflow-x: auto; white-space: pre; overflow-wrap: normal; }
        blockquote { margin: 0.4rem 0 0; padding: 0 0 0 0.75rem; border-left: 4px solid var(--line); }
        blockquote pre { white-space: pre-wrap; overflow-wrap: anywhere; }
        .badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.8rem;
          font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
        .badge.firing { background: var(--firing-bg); color: var(--firing); }
        .badge.resolved, .badge.delivered { background: var(--resolved-bg); color: var(--resolved); }
        .badge.pending { background: var(--pending-bg); color: var(--pending); }
        .badge.dead { background: var(--firing-bg); color: var(--firing); }
        .badge.neutral { background: var(--panel); color: var(--text); }
        .notice { border: 1px solid var(--pending); background: var(--pending-bg); color: var(--pending);
          padding: 0.5rem 0.75rem; border-radius: 4px; }
        .counts { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0; }
        .counts a, .counts span { display: inline-block; padding: 0.25rem 0.6rem; border: 1px solid var(--line);
          border-radius: 4px; text-decoration: none; }
        .counts a[aria-current] { border-color: var(--link); background: #e8f0fd; font-weight: 600; }
        .counts .count { font-weight: 700; margin-left: 0.35rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: flex-end;
          background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 0.75rem; }
        form.filters div { display: flex; flex-direction: column; min-width: 10rem; flex: 1 1 10rem; }
        form.filters label { font-weight: 600; font-size: 0.9rem; }
        ::placeholder { color: #6a737d; opacity: 1; }
        th .kind { font-weight: normal; color: var(--muted); font-size: 0.9rem; }
        /* Long words may break anywhere, which lets a table squeeze its first column to a few letters:
           the row heading keeps room for a usual namespace/name. */
        tbody th[scope=row] { min-width: 11rem; }
        input, select, button { font: inherit; color: inherit; }
        input, select { padding: 0.35rem 0.5rem; border: 1px solid #767f89; border-radius: 4px; background: var(--bg);
          max-width: 100%; }
        button, .button { padding: 0.35rem 0.9rem; border: 1px solid var(--link); border-radius: 4px;
          background: var(--link); color: #ffffff; cursor: pointer; text-decoration: none; display: inline-block; }
        .button.secondary { background: var(--bg); color: var(--link); }
        form.filters .actions { flex-direction: row; gap: 0.5rem; flex: 0 0 auto; min-width: 0; }
        table { border-collapse: collapse; width: 100%; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line); }
        thead th { background: var(--panel); font-size: 0.9rem; }
        td.code, span.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem; }
        nav.pages { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 1rem 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        ol.evidence, ol.steps, ol.timeline, ul.plain { padding-left: 1.4rem; }
        ol.evidence li, ol.steps li { margin-bottom: 1rem; }
        ol.timeline li { margin-bottom: 0.4rem; }
        .source { font-size: 0.8rem; font-weight: 600; color: var(--muted); text-transform: uppercase;
          letter-spacing: 0.03em; }
        .command { display: flex; gap: 0.4rem; align-items: flex-start; margin: 0.4rem 0; }
        .command pre { flex: 1 1 auto; min-width: 0; }
        .command button { flex: 0 0 auto; padding: 0.45rem 0.7rem; font-size: 0.85rem; }
        .command button[hidden] { display: none; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
          white-space: nowrap; }
        @media (max-width: 40rem) {
          main { padding: 0.75rem; }
          h1 { font-size: 1.35rem; }
          dl.facts { grid-template-columns: 1fr; gap: 0; }
          dl.facts dd { margin-bottom: 0.5rem; }
          table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
          table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack th[scope=row] { display: block; width: 100%; }
          table.stack tr { border: 1px solid var(--line); border-radius: 4px; margin-bottom: 0.75rem; padding: 0.25rem 0; }
          table.stack td, table.stack th[scope=row] { border: 0; padding: 0.2rem 0.6rem; }
          table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600;
            font-family: var(--sans); font-size: 1rem; }
        }
        @media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
        """)
}
