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
        api.MapGet("/runs/{id}/inspect", InspectAsync).WithSummary("One agent's state at the run's present quarter: entity=firm:CLUSTER:INDEX, lab:N, fund:N or talent:CLUSTER");
    }

    private static async Task<IResult> StartAsync(StartRequest? request, HttpContext http, RunRegistry runs, SessionKeys keys)
    {
        string session = Sessions.Of(http, keys);
        request ??= new StartRequest();
        Scenario scenario;
        string? file = null;
        if (request.ScenarioText is { } text)
        {
            try { scenario = ScenarioLibrary.Shipped.LoadText(text); }
            catch (ScenarioException e) { return BadInput(new InputProblem("scenarioText", e.Message)); }
        }
        else
        {
            file = request.Scenario ?? ScenarioLibrary.Default;
            if (ScenarioLibrary.Shipped.Find(file) is not { } shipped)
                return BadInput(new InputProblem("scenario", $"no shipped scenario '{file}'; the scenarios are {string.Join(", ", ScenarioLibrary.Shipped.Entries.Select(e => e.File))}"));
            scenario = shipped;
        }
        if (request.Seed is ulong seed) scenario = scenario.WithSeed(seed);
        var problems = new List<InputProblem>();
        var changes = Levers.Check(request.Levers, scenario.World, earliest: 1, "levers", problems);
        if (problems.Count > 0) return BadInput([.. problems]);
        var run = await runs.StartAsync(session, new RunPlan(Levers.Apply(scenario, changes), file, request.Levers ?? []));
        return Results.Created($"/api/runs/{run.Id}", run.View());
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
        if (problems.Count > 0) return BadInput([.. problems]);
        string from = world.PeriodOf(view.Quarters).ToString();
        var levers = (request?.Levers ?? []).Select(l => l with { From = l.From ?? from });
        var plan = parent.Plan with { Scenario = Levers.Apply(parent.Plan.Scenario, changes), Levers = [.. parent.Plan.Levers, .. levers] };
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

    private static IResult BadInput(params InputProblem[] problems) =>
        Results.BadRequest(new ApiError(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")), problems));

    // An ArgumentException's message ends with " (Parameter 'name')", which names code, not input.
    private static string Plain(ArgumentException e) => e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message;
}
