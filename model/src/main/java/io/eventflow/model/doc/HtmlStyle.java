package io.eventflow.model.doc;

/** The page's stylesheet: readable type, a sticky table of contents, light and dark colours, print-friendly. */
final class HtmlStyle {
    static final String CSS =
            """
            :root{--bg:#ffffff;--fg:#0f172a;--muted:#475569;--line:#e2e8f0;--card:#f8fafc;--accent:#2563eb;\
            --code:#f1f5f9;--warn:#b45309;--err:#b91c1c;--info:#0369a1}
            @media (prefers-color-scheme: dark){:root{--bg:#0b1120;--fg:#e2e8f0;--muted:#94a3b8;--line:#1e293b;\
            --card:#111827;--accent:#60a5fa;--code:#1e293b}.ef-diagram{background:#f8fafc;border-radius:8px}}
            *{box-sizing:border-box}
            body{margin:0;display:flex;background:var(--bg);color:var(--fg);\
            font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
            nav.toc{position:sticky;top:0;align-self:flex-start;width:270px;height:100vh;overflow:auto;\
            padding:20px 16px;border-right:1px solid var(--line);font-size:14px}
            nav.toc ol{list-style:none;margin:0;padding-left:12px}nav.toc>ol{padding-left:0}
            nav.toc li{margin:2px 0}.toc-title{font-weight:700;margin:0 0 10px}
            a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
            main{flex:1;min-width:0;max-width:1100px;padding:24px 40px 60px}
            h1{font-size:28px;margin:0 0 4px}h2{font-size:22px;margin:40px 0 12px;padding-bottom:6px;\
            border-bottom:1px solid var(--line)}h3{font-size:18px;margin:0 0 6px}
            h4{font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:16px 0 6px}
            .meta{color:var(--muted)}.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;\
            background:var(--code);color:var(--muted);margin-right:6px;vertical-align:middle}
            section.card{border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:14px 0;\
            background:var(--card)}
            table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0}
            th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            th{color:var(--muted);font-weight:600}td.k{width:220px;color:var(--muted)}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
            code{background:var(--code);padding:1px 5px;border-radius:4px}
            pre{background:var(--code);padding:12px;border-radius:8px;overflow:auto}
            .diagram{overflow:auto;border:1px solid var(--line);border-radius:10px;padding:8px;background:#fff}
            .req{color:var(--err);font-weight:700}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}\
            .sev-info{color:var(--info)}
            footer{margin-top:50px;color:var(--muted);font-size:13px}
            @media print{nav.toc{display:none}main{max-width:none;padding:0}section.card{break-inside:avoid}}
            @media (max-width:800px){body{display:block}nav.toc{position:static;width:auto;height:auto;\
            border-right:0;border-bottom:1px solid var(--line)}main{padding:16px}}
            """;

    private HtmlStyle() {}
}
