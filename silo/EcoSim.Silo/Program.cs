using EcoSim.Hosting;
using EcoSim.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A standalone EcoSim silo. Settings come from EcoSim:Cluster in configuration, e.g. a second silo of a localhost cluster:
//   dotnet run --project silo/EcoSim.Silo -- --EcoSim:Cluster:SiloPort=11112 --EcoSim:Cluster:GatewayPort=30001 --EcoSim:Cluster:PrimarySiloPort=11111
// or one silo of a cluster whose membership table is in Redis, with its credentials (scripts/cluster.sh starts several):
//   dotnet run --project silo/EcoSim.Silo -- --EcoSim:Cluster:Clustering=redis --EcoSim:Cluster:Redis=127.0.0.1:6379 --EcoSim:Cluster:ClusterId=mine --EcoSim:Cluster:Credentials=FOLDER
// 'new-credentials FOLDER NAME [--no-tls]' makes a credentials folder instead (see ClusterCredentialFiles);
// 'membership --EcoSim:Cluster:...' prints the cluster's membership table in Redis (see MembershipCommand).
if (args is ["new-credentials", ..]) return CredentialsCommand.Run(args[1..], Console.Error);
if (args is ["membership", ..]) return await MembershipCommand.RunAsync(args[1..], Console.Out, Console.Error);

var options = Host.CreateApplicationBuilder(args).Configuration.GetSection(EcoSimClusterOptions.Section).Get<EcoSimClusterOptions>() ?? new EcoSimClusterOptions();
ClusterCredentials credentials;
try
{
    credentials = ClusterCredentials.For(options);
    ClusterExposure.EnsureAllowed(options, credentials);
}
catch (ClusterSecurityException e)
{
    Console.Error.WriteLine($"EcoSim silo: error: {e.Message}");
    return 2;
}

var builder = Host.CreateApplicationBuilder(args);
// Traces and metrics over OTLP when EcoSim:Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing otherwise.
var telemetry = EcoSimTelemetry.Endpoint(builder.Configuration);
options.TraceGrainCalls |= telemetry is not null;
builder.UseOrleans(silo => silo.AddEcoSimSilo(options, credentials));
builder.Services.AddEcoSimTelemetry("ecosim-silo", $"{options.Address}:{options.SiloPort}", telemetry);
using var host = builder.Build();
await host.StartAsync();
var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EcoSim.Silo");
// Orleans finishes starting only once this silo is active in the membership table; scripts wait for this line.
log.LogInformation(
    "EcoSim silo active: cluster {ClusterId} ({Clustering} membership), silo {Address}:{SiloPort}, gateway {GatewayPort}, {Security}",
    options.ClusterId, EcoSimClustering.Of(options), options.Address, options.SiloPort, options.GatewayPort,
    (credentials.UsesTls ? "mutual TLS" : "no TLS") + (credentials.Secret is null ? ", no Redis password" : ", Redis password"));
return await RunningSilo.RunAsync(host, options, credentials, log);
