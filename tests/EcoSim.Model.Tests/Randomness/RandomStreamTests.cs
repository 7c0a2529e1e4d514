using EcoSim.Model.Randomness;

namespace EcoSim.Model.Tests.Randomness;

/// <summary>Keys, reproducibility and layout of <see cref="RandomStream"/>.</summary>
public class RandomStreamTests
{
    private static ulong[] First(ulong seed, ulong entity, int tick, RandomPurpose purpose, int count = 8)
    {
        var s = new RandomStream(seed, entity, tick, purpose);
        var values = new ulong[count];
        for (int i = 0; i < count; i++) values[i] = s.NextUInt64();
        return values;
    }

    [Fact]
    public void Same_keys_give_the_same_sequence()
    {
        var a = First(123, EntityIds.Firm(3, 17), 5, RandomPurpose.InnovationSize, 1000);
        var b = First(123, EntityIds.Firm(3, 17), 5, RandomPurpose.InnovationSize, 1000);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Same_keys_give_the_same_doubles_and_distribution_draws()
    {
        var a = new RandomStream(9, EntityIds.Lab(4), 2, RandomPurpose.Breakthrough);
        var b = new RandomStream(9, EntityIds.Lab(4), 2, RandomPurpose.Breakthrough);
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.Gamma(0.5)), BitConverter.DoubleToInt64Bits(b.Gamma(0.5)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.StandardNormal()), BitConverter.DoubleToInt64Bits(b.StandardNormal()));
            Assert.Equal(a.Poisson(3.5), b.Poisson(3.5));
        }
    }

    [Fact]
    public void Any_different_key_gives_a_different_sequence()
    {
        var reference = First(123, EntityIds.Firm(3, 17), 5, RandomPurpose.InnovationSize);
        var variants = new Dictionary<string, ulong[]>
        {
            ["seed +1"] = First(124, EntityIds.Firm(3, 17), 5, RandomPurpose.InnovationSize),
            ["seed high word"] = First(123 | (1UL << 32), EntityIds.Firm(3, 17), 5, RandomPurpose.InnovationSize),
            ["entity index"] = First(123, EntityIds.Firm(3, 18), 5, RandomPurpose.InnovationSize),
            ["entity cluster"] = First(123, EntityIds.Firm(4, 17), 5, RandomPurpose.InnovationSize),
            ["entity kind"] = First(123, EntityIds.Lab(17), 5, RandomPurpose.InnovationSize),
            ["tick"] = First(123, EntityIds.Firm(3, 17), 6, RandomPurpose.InnovationSize),
            ["purpose"] = First(123, EntityIds.Firm(3, 17), 5, RandomPurpose.FirmTick),
        };
        foreach (var (what, values) in variants)
        {
            // Not merely a different sequence: no value in common with the reference (a shifted or
            // overlapping stream would share values).
            Assert.False(values.Intersect(reference).Any(), $"changing the {what} left values in common with the reference stream");
        }
        // And all variants differ from each other.
        Assert.Equal(variants.Count, variants.Values.Select(v => v[0]).Distinct().Count());
    }

    [Fact]
    public void Stream_is_Philox_of_entity_tick_purpose_and_block()
    {
        // The documented layout: counter = (entity lo, entity hi, tick, purpose << 24 | block), key = (seed lo, seed hi);
        // each block yields two 64-bit values, (x1:x0) then (x3:x2).
        ulong seed = 0x0123456789ABCDEF, entity = EntityIds.Firm(7, 1234);
        var s = new RandomStream(seed, entity, 11, RandomPurpose.Screening);
        for (uint block = 0; block < 3; block++)
        {
            var (x0, x1, x2, x3) = Philox4x32.Block((uint)entity, (uint)(entity >> 32), 11, ((uint)RandomPurpose.Screening << 24) | block, (uint)seed, (uint)(seed >> 32));
            Assert.Equal(((ulong)x1 << 32) | x0, s.NextUInt64());
            Assert.Equal(((ulong)x3 << 32) | x2, s.NextUInt64());
        }
    }

    [Fact]
    public void Entity_ids_do_not_collide_across_kinds_and_clusters()
    {
        var ids = new HashSet<ulong>();
        for (int c = 0; c < 20; c++)
        {
            for (long i = 0; i < 50; i++) Assert.True(ids.Add(EntityIds.Firm(c, i)));
            Assert.True(ids.Add(EntityIds.Cluster(c)));
            Assert.True(ids.Add(EntityIds.TalentPool(c)));
        }
        for (int i = 0; i < 50; i++) { Assert.True(ids.Add(EntityIds.Lab(i))); Assert.True(ids.Add(EntityIds.Fund(i))); }
    }

    [Fact]
    public void Uniform_doubles_are_in_their_documented_intervals()
    {
        var s = new RandomStream(1, 2, 3, RandomPurpose.EntrantInit);
        for (int i = 0; i < 100_000; i++)
        {
            double closedZero = s.NextDouble();
            Assert.True(closedZero >= 0 && closedZero < 1, $"NextDouble() = {closedZero}");
            double openZero = s.NextDoubleOpenZero();
            Assert.True(openZero > 0 && openZero <= 1, $"NextDoubleOpenZero() = {openZero}");
        }
    }

    [Fact]
    public void Bernoulli_edges_are_exact()
    {
        var s = new RandomStream(5, 6, 7, RandomPurpose.Pipeline);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.False(s.Bernoulli(0));   // NextDouble() >= 0 is never < 0
            Assert.True(s.Bernoulli(1));    // NextDouble() < 1 always
        }
    }

    [Fact]
    public void Invalid_distribution_arguments_throw()
    {
        var s = new RandomStream(1, 1, 1, RandomPurpose.Entry);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Gamma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Gamma(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Poisson(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Poisson(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Poisson(double.PositiveInfinity));
        Assert.Equal(0, s.Poisson(0));
    }

    [Fact]
    public void Stream_is_exhausted_after_exactly_two_to_the_25_draws()
    {
        // 2^24 blocks of two 64-bit values: the documented capacity of one (seed, entity, tick, purpose).
        var s = new RandomStream(3, 4, 5, RandomPurpose.Screening);
        for (int i = 0; i < 1 << 25; i++) s.NextUInt64();
        Assert.Throws<InvalidOperationException>(() => s.NextUInt64());
    }
}
