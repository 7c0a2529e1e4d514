using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace EcoSim.Hosting;

/// <summary>
/// Lets EcoSim's own exceptions cross between grains and clients as themselves. Orleans sends an exception whose
/// type is outside its known namespaces as a codec failure instead, so a snapshot part refused by the grain that
/// decodes it (a changed byte, a part missing) would reach the caller without the part it names.
/// </summary>
public static class EcoSimExceptions
{
    /// <summary>Allows exceptions of EcoSim's namespaces on the wire; silos and clients alike call it.</summary>
    public static IServiceCollection AllowEcoSimExceptions(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options =>
        {
            if (!options.SupportedNamespacePrefixes.Contains("EcoSim")) options.SupportedNamespacePrefixes.Add("EcoSim");
        });
}
