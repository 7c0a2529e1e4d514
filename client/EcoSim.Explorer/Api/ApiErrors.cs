using EcoSim.Explorer.Runs;
using Microsoft.AspNetCore.Http;

namespace EcoSim.Explorer.Api;

/// <summary>
/// Turns the refusals the API raises into JSON answers with a status: a run in the wrong state 409, a
/// limit reached 429, a body that is not the request's JSON 400 naming the field (the JSON path) and
/// what was expected, a body too large 413. Nothing else is caught: a fault is a 500 and is logged.
/// </summary>
internal sealed class ApiErrors(RequestDelegate next, RunRegistry runs)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Kestrel enforces the same limit on bodies of unknown length as they are read.
        if (context.Request.ContentLength > runs.Limits.MaxRequestBytes)
        {
            await Answer(context, StatusCodes.Status413PayloadTooLarge, $"the request body is larger than the explorer accepts ({runs.Limits.MaxRequestBytes:N0} bytes)");
            return;
        }
        try { await next(context); }
        catch (RunStateException e) { await Answer(context, StatusCodes.Status409Conflict, e.Message); }
        catch (RunLimitException e) { await Answer(context, StatusCodes.Status429TooManyRequests, e.Message); }
        catch (BadHttpRequestException e) { await Answer(context, e.StatusCode, Describe(e)); }
    }

    private static string Describe(BadHttpRequestException e) => e.InnerException switch
    {
        System.Text.Json.JsonException json => $"the request body is not valid: {(json.Path is { Length: > 1 } path ? $"at {path.TrimStart('$', '.')}: " : "")}{Plain(json.Message)}",
        _ when e.StatusCode == StatusCodes.Status413PayloadTooLarge => "the request body is larger than the explorer accepts",
        _ => e.Message,
    };

    // System.Text.Json's messages name .NET types and end with the path again; keep what a user can act on.
    private static string Plain(string message)
    {
        int path = message.IndexOf(" Path:", StringComparison.Ordinal);
        string text = path > 0 ? message[..path] : message;
        return text.Replace("System.Double", "a number").Replace("System.Int32", "a whole number").Replace("System.UInt64", "a whole number from 0")
                   .Replace("System.String", "a string").Replace("System.Collections.Generic.IReadOnlyList`1[EcoSim.Explorer.Library.LeverSetting]", "a list of levers")
                   .Replace("EcoSim.Explorer.Api.", "").Replace("EcoSim.Explorer.Library.", "");
    }

    private static Task Answer(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted) throw new InvalidOperationException(message);
        context.Response.Clear();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message));
    }
}
