using System.CommandLine;
using System.Net;
using EcoSim.Explorer;

namespace EcoSim.Client.Cli;

/// <summary>
/// <c>ecosim serve</c>: the explorer in the browser, over an embedded silo (or a cluster, or the
/// reference engine) opened once for every run the page starts. Thin: the explorer lives in
/// EcoSim.Explorer; this parses the options, opens the engine, says where to point the browser and
/// serves until Ctrl-C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';'; port 0 picks a free one). Loopback by default: the explorer has no accounts, so anyone who can reach the address can start runs", DefaultValueFactory = _ => ExplorerSettings.DefaultUrls };
        var dashboardForAll = new Option<bool>("--dashboard-for-all") { Description = $"Serve the Orleans Dashboard ({ExplorerApp.DashboardPath}, with the embedded silo) to callers beyond this machine; it has no accounts and shows every grain" };
        var shared = new SharedOptions("-", "the scenario");
        var command = new Command("serve", "Serve the explorer: a page where levers change a run as it goes, quarter by quarter, and a run branches at any quarter; and the HTTP API it uses (OpenAPI at /openapi/v1.json)")
        {
            urls, dashboardForAll, shared.Engine, shared.FirmsPerShard, shared.Cluster, shared.ClusterCredentials,
        };
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            string given = result.GetValue(urls)!;
            if (!TryCheckUrls(given, errors, out bool exposed)) return ExitCodes.BadInput;
            if (exposed)
                errors.WriteLine($"warning: --urls {given} is not only loopback: the explorer has no accounts, so anyone who can reach it can start and drive runs");
            var settings = new ExplorerSettings(given, DashboardForAll: result.GetValue(dashboardForAll));
            var choice = shared.EngineOf(result, cluster);
            return await CommandLine.Guarded(errors, cancellation, async () =>
            {
                // The embedded silo lives in the explorer's own host, so the Orleans Dashboard can show it;
                // the reference engine and a cluster are opened apart and handed over.
                await using var engine = choice.Kind == Experiments.EngineKind.Orleans && cluster is null ? null : await choice.OpenAsync(cancellation, errors);
                await using var app = engine is null ? ExplorerApp.CreateWithEmbeddedSilo(settings, choice.FirmsPerShard) : ExplorerApp.Create(settings, engine);
                await app.StartAsync(cancellation);
                foreach (var address in ExplorerApp.Addresses(app))
                {
                    output.WriteLine($"EcoSim explorer: open {address}/ in a browser (Ctrl-C to stop)");
                    if (engine is null) output.WriteLine($"  the Orleans Dashboard, the grains and calls behind the runs: {address}{ExplorerApp.DashboardPath}");
                }
                try { await Task.Delay(Timeout.Infinite, cancellation); }
                catch (OperationCanceledException) { }
                await app.StopAsync(CancellationToken.None);
                output.WriteLine("explorer stopped; its runs were released");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>Checks every URL of <paramref name="urls"/>; <paramref name="exposed"/> is true if any listens beyond loopback.</summary>
    private static bool TryCheckUrls(string urls, TextWriter errors, out bool exposed)
    {
        exposed = false;
        foreach (var part in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                errors.WriteLine($"error: --urls '{TerminalText.Escape(part)}' is not an address to listen on, such as http://127.0.0.1:5080");
                return false;
            }
            bool loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            exposed |= !loopback;
        }
        if (urls.Split(';', StringSplitOptions.RemoveEmptyEntries).Length > 0) return true;
        errors.WriteLine("error: --urls is empty; give an address such as http://127.0.0.1:5080");
        return false;
    }
}
