using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using EcoSim.Model.Inspection;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EcoSim.Explorer.Api;

/// <summary>
/// The explorer's HTTP API under <c>/api</c>, the one the page uses and a notebook may use too (its
/// OpenAPI description is at <c>/openapi/v1.json</c>). Runs belong to the caller's session
/// (<see cref="Sessions"/>); bad input is answered 400 with the field and the allowed range, a run in
/// the wrong state 409, a limit reached 429.
/// </summary>
public static class ExplorerApi
{
    /// <summary>Maps every endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/scenarios", () => ScenarioLibrary.Shipped.Entries).WithSummary("The shipped scenarios a run may start from");
        api.MapGet("/levers", () => Levers.All).WithSummary("The levers the page offers: catalogue parameters with unit, range and meaning");
        api.MapGet("/facilities", () => Facilities.Info)
            .WithSummary("The large-facility lever: a scenario's facility event (host cluster, construction, operation, cost, knowledge boost) with the scenario language's ranges");
        api.MapGet("/talent-programmes", () => TalentProgrammes.Info)
            .WithSummary("The talent-programme lever: a scenario's talentProgramme event (cluster, researchers recruited a year, start, end) with the scenario language's range");
        api.MapGet("/limits", (RunRegistry runs) => LimitsView.Of(runs.Limits)).WithSummary("How many runs a session may hold, how many firms a run may start with, and other limits");
        api.MapGet("/metrics", () => MetricColumns.All.Select(c => new MetricInfo(c.Name, c.Title, c.Unit, c.PerTick)))
            .WithSummary("The metrics, in the order every quarter's values are given");

        api.MapGet("/runs", (HttpContext http, RunRegistry runs, SessionKeys keys) => runs.Of(Sessions.Of(http, keys)).Select(r => r.View()))
            .WithSummary("The session's runs");
        api.MapPost("/runs", StartAsync).WithSummary("Starts a run, paused before its first quarter");
        api.MapGet("/runs/{id}", (string id, int? from, HttpContext http, RunRegistry runs, SessionKeys keys) =>
            WithRun(http, runs, keys, id, run => Results.Ok(new RunHistory(run.View(), run.QuartersFrom(from ?? 0)))))
            .WithSummary("A run and its quarters from 'from' (default 0)");
        api.MapDelete("/runs/{id}", async (string id, HttpContext http, RunRegistry runs, SessionKeys keys) =>
            await runs.ReleaseAsync(Sessions.Of(http, keys), id) ? Results.NoContent() : NoSuchRun(id)).WithSummary("Stops a run and releases it");
        api.MapPost("/runs/{id}/step", StepAsync).WithSummary("Runs some quarters of a paused run and returns them");
        api.MapPost("/runs/{id}/play", (string id, PlayRequest? request, HttpContext http, RunRegistry runs, SessionKeys keys) =>
            WithRun(http, runs, keys, id, run =>
            {
                double speed = request?.Speed ?? 0;
                if (!double.IsFinite(speed) || speed < 0 || speed > 1000)
                    return BadInput(new InputProblem("speed", $"speed {speed} is outside 0..1000 quarters per second (0: as fast as the engine goes)"));
                run.Play(speed);
                return Results.Ok(run.View());
            })).WithSummary("Plays a run at a speed until it ends or is paused");
        api.MapPost("/runs/{id}/pause", async (string id, HttpContext http, RunRegistry runs, SessionKeys keys) =>
        {
            if (runs.Find(Sessions.Of(http, keys), id) is not { } run) return NoSuchRun(id);
            await run.PauseAsync();
            return Results.Ok(run.View());
        }).WithSummary("Pauses a playing run after the quarter in progress");
        api.MapPost("/runs/{id}/branch", BranchAsync).WithSummary("Branches a paused run at its present quarter with changed levers");
        api.MapGet("/runs/{id}/events", Events).WithSummary("Server-sent events: every quarter done (from 'from'), then each new quarter and change of status");
        api.MapPost("/ensembles", StartEnsembleAsync).WithSummary("Runs one setting over many seeds; its bands form as runs finish");
        api.MapGet("/ensembles/{id}", (string id, HttpContext http, EnsembleRegistry ensembles, SessionKeys keys) =>
            ensembles.Find(Sessions.Of(http, keys), id) is { } ensemble ? Results.Ok(new EnsembleBands(ensemble.View(), ensemble.Bands())) : NoSuchEnsemble(id))
            .WithSummary("An ensemble and the median and 5-95% points of every metric over the runs finished so far");
        api.MapDelete("/ensembles/{id}", async (string id, HttpContext http, EnsembleRegistry ensembles, SessionKeys keys) =>
            await ensembles.ReleaseAsync(Sessions.Of(http, keys), id) ? Results.NoContent() : NoSuchEnsemble(id)).WithSummary("Stops an ensemble and forgets it");
        api.MapGet("/runs/{id}/recipe", (string id, bool? plots, HttpContext http, RunRegistry runs, SessionKeys keys) =>
            WithRun(http, runs, keys, id, run => Results.Ok(RunDownload.RecipeOf(run, runs.Engine, plots ?? true))))
            .WithSummary("The scenario file and the ecosim command that compute the run's quarters so far again, byte for byte");
        api.MapGet("/runs/{id}/download", DownloadAsync)
            .WithSummary("The run's quarters so far as the command line's output folder (metrics.csv, metrics.parquet, manifest.json, report.html, plots unless plots=false), zipped");
        api.MapGet("/runs/{id}/firms", FirmSizesAsync)
            .WithSummary("A cluster's firm-size distribution (live firms by revenue) and its largest firms at the run's present quarter: cluster=INDEX or id");
        api.MapGet("/runs/{id}/inspect", InspectAsync).WithSummary("One agent's state at the run's present quarter: entity=firm:CLUSTER:INDEX, lab:N, fund:N or talent:CLUSTER");
    }

    private static async Task<IResult> StartAsync(StartRequest? request, HttpContext http, RunRegistry runs, SessionKeys keys)
    {
        string session = Sessions.Of(http, keys);
        request ??= new StartRequest();
        var (plan, problems) = PlanOf(request.Scenario, request.ScenarioText, request.Seed, request.Firms, request.Levers, request.Facilities, request.TalentProgrammes, runs.Limits);
        if (plan is null) return BadInput([.. problems]);
        var run = await runs.StartAsync(session, plan);
        return Results.Created($"/api/runs/{run.Id}", run.View());
    }

    private static async Task<IResult> StartEnsembleAsync(EnsembleRequest? request, HttpContext http, EnsembleRegistry ensembles, RunRegistry runs, SessionKeys keys)
    {
        string session = Sessions.Of(http, keys);
        request ??= new EnsembleRequest();
        var (plan, problems) = PlanOf(request.Scenario, request.ScenarioText, request.Seed, request.Firms, request.Levers, request.Facilities, request.TalentProgrammes, runs.Limits);
        if (request.Seeds < 2 || request.Seeds > EnsembleRegistry.MaxSeeds)
            problems.Add(new InputProblem("seeds", $"seeds {request.Seeds} is outside 2..{EnsembleRegistry.MaxSeeds} (a 5-95% band needs at least {Experiments.Ensembles.SeedEvidence.MinimumSeeds})"));
        if (plan is null || problems.Count > 0) return BadInput([.. problems]);
        var seeds = Experiments.Experiment.ConsecutiveSeeds(plan.Scenario.World.Seed, request.Seeds);
        var ensemble = await ensembles.StartAsync(session, plan, seeds);
        return Results.Created($"/api/ensembles/{ensemble.Id}", ensemble.View());
    }

    // A shipped scenario (or a pasted one), a seed, a population and levers, checked; or the problems, each naming its field.
    private static (RunPlan? Plan, List<InputProblem> Problems) PlanOf(string? file, string? text, ulong? seed, int? firms, IReadOnlyList<LeverSetting>? levers,
        IReadOnlyList<FacilitySetting?>? facilities, IReadOnlyList<TalentProgrammeSetting?>? programmes, ExplorerLimits limits)
    {
        var problems = new List<InputProblem>();
        if (firms is < 1 || firms > limits.MaxFirms)
            problems.Add(new InputProblem("firms", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"firms {firms:N0} is outside 1..{limits.MaxFirms:N0}, the population a run in the explorer may start with")));
        Scenario scenario;
        if (text is not null)
        {
            file = null;
            try { scenario = ScenarioLibrary.Shipped.LoadText(text); }
            catch (ScenarioException e) { problems.Add(new InputProblem("scenarioText", e.Message, e.Errors)); return (null, problems); }
        }
        else
        {
            file ??= ScenarioLibrary.Default;
            if (ScenarioLibrary.Shipped.Find(file) is not { } shipped)
            {
                problems.Add(new InputProblem("scenario", $"no shipped scenario '{file}'; the scenarios are {string.Join(", ", ScenarioLibrary.Shipped.Entries.Select(e => e.File))}"));
                return (null, problems);
            }
            scenario = shipped;
        }
        var changes = Levers.Check(levers, scenario.World, earliest: 1, "levers", problems);
        var added = Facilities.Check(facilities, scenario, earliest: 1, "facilities", problems);
        var recruiting = TalentProgrammes.Check(programmes, scenario, earliest: 1, "talentProgrammes", problems);
        return problems.Count > 0 ? (null, problems) : (RunPlan.Of(scenario, file, seed, firms, changes, levers ?? [], added, recruiting), problems);
    }

    private static async Task<IResult> StepAsync(string id, StepRequest? request, HttpContext http, RunRegistry runs, SessionKeys keys, CancellationToken cancellation)
    {
        if (runs.Find(Sessions.Of(http, keys), id) is not { } run) return NoSuchRun(id);
        int quarters = request?.Quarters ?? 1;
        if (quarters < 1 || quarters > runs.Limits.MaxStep)
            return BadInput(new InputProblem("quarters", $"quarters {quarters} is outside 1..{runs.Limits.MaxStep}"));
        int before = run.Quarters;
        await run.StepAsync(quarters, cancellation);
        return Results.Ok(new RunHistory(run.View(), run.QuartersFrom(before)));
    }

    private static async Task<IResult> BranchAsync(string id, BranchRequest? request, HttpContext http, RunRegistry runs, SessionKeys keys, CancellationToken cancellation)
    {
        if (runs.Find(Sessions.Of(http, keys), id) is not { } parent) return NoSuchRun(id);
        var view = parent.View();
        if (view.Status == RunStatus.Playing) throw new RunStateException("the run is playing: pause it, then branch at the quarter it stopped");
        if (view.Quarters == 0) throw new RunStateException("the run has no quarter yet: step or play it first, or start a new run with the levers");
        if (view.Quarters >= view.Horizon) throw new RunStateException("the run is at the end of its scenario: there is no quarter left to branch into");
        var problems = new List<InputProblem>();
        var world = parent.Plan.Scenario.World;
        var changes = Levers.Check(request?.Levers, world, earliest: view.Quarters, "levers", problems);
        var facilities = Facilities.Check(request?.Facilities, parent.Plan.Source, earliest: view.Quarters, "facilities", problems);
        var programmes = TalentProgrammes.Check(request?.TalentProgrammes, parent.Plan.Source, earliest: view.Quarters, "talentProgrammes", problems);
        if (problems.Count > 0) return BadInput([.. problems]);
        string from = world.PeriodOf(view.Quarters).ToString();
        var levers = (request?.Levers ?? []).Select(l => l with { From = l.From ?? from });
        var plan = parent.Plan.Branched(changes, [.. levers], facilities, programmes);
        var branch = await runs.BranchAsync(parent, plan, cancellation);
        return Results.Created($"/api/runs/{branch.Id}", branch.View());
    }

    private static IResult Events(string id, int? from, HttpContext http, RunRegistry runs, SessionKeys keys, CancellationToken cancellation)
    {
        if (runs.Find(Sessions.Of(http, keys), id) is not { } run) return NoSuchRun(id);
        return TypedResults.ServerSentEvents(Stream(run, runs, from ?? 0, cancellation));
    }

    private static async IAsyncEnumerable<SseItem<RunEvent>> Stream(LiveRun run, RunRegistry runs, int from, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using var watching = runs.Watch(run);
        var (done, coming) = run.Subscribe(from);
        try
        {
            yield return new SseItem<RunEvent>(RunEvent.Of(run.View()), "status");
            foreach (var quarter in done) yield return new SseItem<RunEvent>(RunEvent.Of(quarter), "quarter");
            int next = done.Count == 0 ? from : done[^1].Tick + 1;
            while (await Wait(coming, cancellation))
                while (coming.TryRead(out var message))
                {
                    // Quarters already sent with the history are not sent twice.
                    if (message.Quarter is { } quarter && quarter.Tick < next) continue;
                    if (message.Quarter is { } sent) next = sent.Tick + 1;
                    yield return new SseItem<RunEvent>(message, message.Kind);
                }
        }
        finally { run.Unsubscribe(coming); }
    }

    private static async Task<bool> Wait(System.Threading.Channels.ChannelReader<RunEvent> reader, CancellationToken cancellation)
    {
        try { return await reader.WaitToReadAsync(cancellation); }
        catch (OperationCanceledException) { return false; }
    }

    private static async Task<IResult> DownloadAsync(string id, bool? plots, HttpContext http, RunRegistry runs, SessionKeys keys, CancellationToken cancellation)
    {
        if (runs.Find(Sessions.Of(http, keys), id) is not { } run) return NoSuchRun(id);
        var recipe = RunDownload.RecipeOf(run, runs.Engine, plots ?? true);
        var zip = await RunDownload.ZipAsync(run, recipe, runs.Engine, plots ?? true, cancellation);
        return Results.File(zip, "application/zip", $"{Path.GetFileName(recipe.Folder)}.zip");
    }

    private static async Task<IResult> FirmSizesAsync(string id, string? cluster, HttpContext http, RunRegistry runs, SessionKeys keys, CancellationToken cancellation)
    {
        if (runs.Find(Sessions.Of(http, keys), id) is not { } run) return NoSuchRun(id);
        var ids = run.Plan.Scenario.World.Clusters.Select(c => c.Id).ToList();
        int index = int.TryParse(cluster, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : ids.IndexOf(cluster ?? "");
        if (index < 0 || index >= ids.Count)
            return BadInput(new InputProblem("cluster", $"'{cluster}' is not a cluster of this run: give 0..{ids.Count - 1} or an id ({string.Join(", ", ids)})"));
        var sizes = await run.FirmSizesAsync(cancellation).WaitAsync(cancellation);
        return Results.Ok(sizes[index]);
    }

    private static async Task<IResult> InspectAsync(string id, string? entity, HttpContext http, RunRegistry runs, SessionKeys keys, CancellationToken cancellation)
    {
        if (runs.Find(Sessions.Of(http, keys), id) is not { } run) return NoSuchRun(id);
        if (entity is null || !EntityRef.TryParse(entity, out var target))
            return BadInput(new InputProblem("entity", $"'{entity}' is not {EntityRef.Forms}"));
        try { return Results.Ok(await run.InspectAsync(target, cancellation)); }
        catch (ArgumentOutOfRangeException e) { return BadInput(new InputProblem("entity", Plain(e))); }
    }

    private static IResult WithRun(HttpContext http, RunRegistry runs, SessionKeys keys, string id, Func<LiveRun, IResult> action) =>
        runs.Find(Sessions.Of(http, keys), id) is { } run ? action(run) : NoSuchRun(id);

    private static IResult NoSuchRun(string id) =>
        Results.NotFound(new ApiError($"this session has no run '{id}' (runs idle for a while are released; GET /api/runs lists the session's runs)"));

    private static IResult NoSuchEnsemble(string id) => Results.NotFound(new ApiError($"this session has no ensemble '{id}'"));

    private static IResult BadInput(params InputProblem[] problems) =>
        Results.BadRequest(new ApiError(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")), problems));

    // An ArgumentException's message ends with " (Parameter 'name')", which names code, not input.
    private static string Plain(ArgumentException e) => e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message;
}
