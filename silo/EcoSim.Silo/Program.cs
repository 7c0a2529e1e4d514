using EcoSim.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// A standalone EcoSim silo. Settings come from EcoSim:Cluster in configuration, e.g.
//   dotnet run --project silo/EcoSim.Silo -- --EcoSim:Cluster:SiloPort=11112 --EcoSim:Cluster:GatewayPort=30001 --EcoSim:Cluster:PrimarySiloPort=11111
var builder = Host.CreateApplicationBuilder(args);
var options = builder.Configuration.GetSection(EcoSimClusterOptions.Section).Get<EcoSimClusterOptions>() ?? new EcoSimClusterOptions();
builder.UseOrleans(silo => silo.AddEcoSimSilo(options));
await builder.Build().RunAsync();
