using EcoSim.Grains;

namespace EcoSim.Integration.Tests;

/// <summary>The references a grain keeps of the grains it calls every tick: each made once, on first use.</summary>
public sealed class GrainReferencesTests
{
    [Fact]
    public void Each_reference_is_made_once_and_the_same_one_is_given_back()
    {
        var made = new List<int>();
        var references = new GrainReferences<string>(k => { made.Add(k); return $"grain {k}"; });

        for (int pass = 0; pass < 3; pass++)
            for (int k = 0; k < 10; k++)
                Assert.Equal($"grain {k}", references[k]);

        Assert.Equal(Enumerable.Range(0, 10), made);
        Assert.Same(references[4], references[4]);
    }

    [Fact]
    public void References_asked_for_out_of_order_and_far_ahead_are_made_when_first_asked_for()
    {
        var made = new List<int>();
        var references = new GrainReferences<string>(k => { made.Add(k); return $"grain {k}"; });

        Assert.Equal("grain 37", references[37]);
        Assert.Equal("grain 2", references[2]);
        Assert.Equal("grain 37", references[37]);
        Assert.Equal("grain 100", references[100]);

        Assert.Equal([37, 2, 100], made);
    }
}
