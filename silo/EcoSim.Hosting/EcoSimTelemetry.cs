using EcoSim.Grains.Abstractions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EcoSim.Hosting;

/// <summary>
/// The one place where telemetry is wired, for silos and the client alike: EcoSim's spans (run, tick,
/// phase) and Orleans' grain-call spans (through activity propagation), EcoSim's meters (ticks, firm
/// updates, tick time) and Orleans' own, exported over OTLP when an endpoint is configured. With no
/// endpoint nothing is collected and nothing is printed.
/// </summary>
public static class EcoSimTelemetry
{
    /// <summary>The standard OpenTelemetry variable naming the OTLP endpoint, e.g. http://127.0.0.1:4317.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    /// <summary>Configuration key that names the OTLP endpoint (takes precedence over the variable).</summary>
    public const string EndpointKey = "EcoSim:Telemetry:OtlpEndpoint";

    /// <summary>Sources of the spans exported: EcoSim's and Orleans' grain calls.</summary>
    public static readonly IReadOnlyList<string> ActivitySources = [EcoSimInstruments.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
    /// <summary>Meters exported: EcoSim's and Orleans' own.</summary>
    public static readonly IReadOnlyList<string> Meters = [EcoSimInstruments.Name, "Microsoft.Orleans"];

    /// <summary>
    /// The OTLP endpoint from <see cref="EndpointKey"/> in <paramref name="configuration"/>, else from the
    /// <see cref="EndpointVariable"/> environment variable; null when neither is set.
    /// </summary>
    /// <exception cref="FormatException">The value is not an absolute http(s) URI; the message names where it came from.</exception>
    public static Uri? Endpoint(IConfiguration? configuration = null)
    {
        var (value, source) = configuration?[EndpointKey] is { Length: > 0 } configured
            ? (configured, EndpointKey)
            : (Environment.GetEnvironmentVariable(EndpointVariable), EndpointVariable);
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        throw new FormatException($"{source} '{value}' is not an absolute http:// or https:// address of an OTLP endpoint, e.g. http://127.0.0.1:4317");
    }

    /// <summary>Adds OpenTelemetry to a host's services when <paramref name="endpoint"/> is set; does nothing otherwise.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="serviceName">Service name of the exported telemetry.</param>
    /// <param name="instanceId">Which instance of the service this is (e.g. a silo's address and port).</param>
    /// <param name="endpoint">The OTLP endpoint, or null for no telemetry.</param>
    public static IServiceCollection AddEcoSimTelemetry(this IServiceCollection services, string serviceName, string instanceId, Uri? endpoint)
    {
        if (endpoint is null) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: instanceId))
            .WithTracing(tracing => tracing.AddSource([.. ActivitySources]).AddOtlpExporter(o => o.Endpoint = endpoint))
            .WithMetrics(metrics => metrics.AddMeter([.. Meters]).AddOtlpExporter(o => o.Endpoint = endpoint));
        return services;
    }

    /// <summary>
    /// Starts telemetry for a whole process that has no host of its own to carry it (the command line,
    /// which also covers an embedded silo in the same process); disposing it flushes and stops. Returns
    /// a do-nothing handle when <paramref name="endpoint"/> is null.
    /// </summary>
    public static IDisposable Start(string serviceName, Uri? endpoint)
    {
        if (endpoint is null) return new Nothing();
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        var tracer = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource)
            .AddSource([.. ActivitySources]).AddOtlpExporter(o => o.Endpoint = endpoint).Build();
        var meter = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource)
            .AddMeter([.. Meters]).AddOtlpExporter(o => o.Endpoint = endpoint).Build();
        return new Providers(tracer, meter);
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose() { }
    }

    private sealed class Providers(TracerProvider tracer, MeterProvider meter) : IDisposable
    {
        public void Dispose()
        {
            tracer.Dispose();
            meter.Dispose();
        }
    }
}
