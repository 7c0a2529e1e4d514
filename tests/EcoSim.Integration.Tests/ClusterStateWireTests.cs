using System.Reflection;
using EcoSim.Grains.Abstractions.Surrogates;
using EcoSim.Model.State;

namespace EcoSim.Integration.Tests;

/// <summary>A cluster's state crosses the wire after entry (for the run grain's metrics and snapshot): every property must survive.</summary>
public sealed class ClusterStateWireTests
{
    [Fact]
    public void Every_property_of_a_cluster_state_survives_the_wire_form()
    {
        var state = new ClusterState
        {
            Cluster = 7, LagStages = [1.5, -0.0, double.NaN], LabKnowledge = 2.25, TechnologyPool = 3.125, Generation = 4, BaseDemand = 5.5,
            WeightTotal = 6.75, MeanProductivity = 1.0625, BaseMeanProductivity = 0.96875, MeanLogProductivity = -0.03125, Frontier = 8.5,
            Firms = 9, AdopterShare = 0.375, NextFirmIndex = 1L << 40, Pipeline = [3, 2, 1, 0], Approvals = 11,
        };
        var converter = new ClusterStateConverter();
        var back = converter.ConvertFromSurrogate(converter.ConvertToSurrogate(state));
        foreach (var property in typeof(ClusterState).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            object? sent = property.GetValue(state), received = property.GetValue(back);
            if (sent is double[] a && received is double[] b) Assert.Equal(a.Select(BitConverter.DoubleToInt64Bits), b.Select(BitConverter.DoubleToInt64Bits));
            else if (sent is int[] x && received is int[] y) Assert.Equal(x, y);
            else Assert.Equal(sent, received);
        }
    }
}
