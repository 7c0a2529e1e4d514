using System.Text.Json;
using EcoSim.Model.World;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace EcoSim.Integration.Tests;

/// <summary>
/// A world is handed on as it is to a grain of the same silo (no copy, no JSON round trip), and still crosses between
/// silos whole, as its JSON surrogate.
/// </summary>
public sealed class WorldSpecCopyTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    [Fact]
    public void Orleans_copy_of_a_world_is_the_world_itself()
    {
        var world = TestFiles.LoadSmall().World;
        var copier = Services.GetRequiredService<DeepCopier>();

        Assert.Same(world, copier.Copy(world));
    }

    [Fact]
    public void A_world_serialized_for_another_silo_comes_back_equal_in_every_field()
    {
        var world = TestFiles.LoadSmall().World with { Ticks = 9 };
        var serializer = Services.GetRequiredService<Serializer>();

        var back = serializer.Deserialize<WorldSpec>(serializer.SerializeToArray(world)) ?? throw new InvalidOperationException("no world came back");

        Assert.NotSame(world, back);
        Assert.Equal(9, back.Ticks);
        Assert.Equal(JsonSerializer.Serialize(world), JsonSerializer.Serialize(back));
    }
}
