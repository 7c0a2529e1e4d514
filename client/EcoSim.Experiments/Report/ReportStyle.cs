namespace EcoSim.Experiments.Report;

/// <summary>
/// The report's inline style sheet: plain, printable, no web fonts. Code and scenario texts name the
/// generic <c>monospace</c> twice, which keeps browsers from shrinking monospace text below the body's
/// size; facts break long values (hashes, paths) only where a line would otherwise overflow.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """

        body { font-family: "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 1180px; padding: 1em 2em 3em; line-height: 1.45; }
        h1 { font-size: 1.7em; margin-bottom: 0.2em; }
        h2 { font-size: 1.3em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
        h3 { font-size: 1.05em; margin-top: 1.5em; }
        .subtitle { font-size: 1.05em; color: #444; }
        nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.4em; font-size: 0.95em; }
        a { color: #1f5f99; }
        .headline { font-size: 1.1em; font-weight: bold; background: #f3f7fb; border-left: 4px solid #4682b4; padding: 0.6em 0.9em; }
        .warning { background: #fff3e0; border-left: 4px solid #e65100; padding: 0.6em 0.9em; }
        ul.findings li { margin-bottom: 0.6em; }
        figure { margin: 1.2em 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
        figcaption { font-size: 0.85em; color: #555; }
        code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace, monospace; }
        pre { background: #f7f7f7; border: 1px solid #ddd; padding: 0.8em; overflow-x: auto; font-size: 0.85em; white-space: pre-wrap; }
        table { border-collapse: collapse; font-size: 0.85em; margin: 0.8em 0; }
        th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.changed { background: #fff3c4; font-weight: bold; }
        td.swept { background: #dcebf7; }
        tr.swept td:first-child { border-left: 4px solid #4682b4; }
        .mark { color: #b35900; }
        td.swept .mark { color: #1f5f99; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1.2em; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        footer { margin-top: 3em; font-size: 0.8em; color: #666; }

        """;
}
