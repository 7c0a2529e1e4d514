using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Tests.Mechanisms;

public class FirmRulesTests
{
    private const double Tol = 1e-12;
    private static readonly ModelParameters P = new();

    [Fact]
    public void User_cost_of_RD_is_one_minus_tax_times_one_plus_super_deduction()
    {
        Assert.Equal(0.70, FirmRules.RdUserCost(P), Tol);                                                   // 1 - 0.15 * 2
        Assert.Equal(0.75, FirmRules.RdUserCost(P with { CorporateTaxRate = 0.25, SuperDeduction = 0 }), Tol); // 1 - 0.25
        Assert.Equal(0.05, FirmRules.RdUserCost(P with { CorporateTaxRate = 0.6, SuperDeduction = 2 }), Tol);  // 1 - 1.8 < 0: floor 0.05
    }

    [Fact]
    public void Chosen_intensity_responds_to_the_user_cost_ratio()
    {
        Assert.Equal(0.06, FirmRules.ChosenIntensity(0.03, 0.5, 1), Tol);  // 0.03 * 0.5^-1
        Assert.Equal(0.03, FirmRules.ChosenIntensity(0.03, 1, 2.5), Tol);  // unchanged cost: target
        Assert.Equal(0.02, FirmRules.ChosenIntensity(0.04, 4, 0.5), Tol);  // 0.04 * 4^-0.5
    }

    [Fact]
    public void Tick_probability_of_a_yearly_hazard()
    {
        Assert.Equal(1 - Math.Exp(-0.1), FirmRules.TickProbability(0.4, 0.25), Tol); // 0.0951626
        Assert.Equal(0.0951626, FirmRules.TickProbability(0.4, 0.25), 1e-7);
        Assert.Equal(0, FirmRules.TickProbability(0, 0.25));
        Assert.Equal(0, FirmRules.TickProbability(-3, 0.25)); // negative hazard counts as zero
        Assert.Equal(1, FirmRules.TickProbability(double.PositiveInfinity, 0.25));
    }

    [Fact]
    public void Absorptive_capacity_saturates_with_the_RD_stock_to_sales_ratio()
    {
        Assert.Equal(0.5, FirmRules.AbsorptiveCapacity(0.5, 10, 0.05), Tol);        // x = 0.05 = h
        Assert.Equal(0.8, FirmRules.AbsorptiveCapacity(2, 10, 0.05), Tol);          // x = 0.2: 0.2 / 0.25
        Assert.Equal(0, FirmRules.AbsorptiveCapacity(1, 0, 0.05));                   // no sales
        Assert.Equal(0, FirmRules.AbsorptiveCapacity(-1, 10, 0.05));                 // negative stock counts as zero
        Assert.True(FirmRules.AbsorptiveCapacity(1e9, 1, 0.05) < 1);
    }

    [Fact]
    public void Adoption_hazard_is_Bass_with_a_transformation_boost()
    {
        // 0.08 * 0.5 * (1 + 0.5 * 2) + 0.9 * 0.3 = 0.08 + 0.27 = 0.35
        Assert.Equal(0.35, FirmRules.AdoptionHazard(P, 0.5, 2, 0.3), Tol);
        // Negative funding counts as zero: 0.08 * 0.5 + 0 = 0.04
        Assert.Equal(0.04, FirmRules.AdoptionHazard(P, 0.5, -2, 0), Tol);
    }

    [Fact]
    public void Adoption_multiplier_counts_at_most_three_generations()
    {
        Assert.Equal(1, FirmRules.AdoptionMultiplier(0.03, 0, 3), Tol);
        Assert.Equal(1.0609, FirmRules.AdoptionMultiplier(0.03, 2, 3), Tol);      // 1.03^2
        Assert.Equal(1.092727, FirmRules.AdoptionMultiplier(0.03, 3, 3), Tol);    // 1.03^3
        Assert.Equal(1.092727, FirmRules.AdoptionMultiplier(0.03, 7, 3), Tol);    // capped at 3
        Assert.Equal(1.03, FirmRules.AdoptionMultiplier(0.03, 7, 1), Tol);        // capped at 1
    }

    [Fact]
    public void Replicator_factor_moves_share_to_the_more_productive_and_has_a_floor()
    {
        Assert.Equal(1.005, FirmRules.ReplicatorFactor(0.1, 1.2, 1.0, 0.25, 0.05), Tol);  // 1 + 0.1 * 0.25 * 0.2
        Assert.Equal(0.995, FirmRules.ReplicatorFactor(0.1, 0.8, 1.0, 0.25, 0.05), Tol);  // 1 - 0.1 * 0.25 * 0.2
        Assert.Equal(1, FirmRules.ReplicatorFactor(0.1, 1.0, 1.0, 0.25, 0.05), Tol);
        Assert.Equal(0.05, FirmRules.ReplicatorFactor(10, 0, 1.0, 1, 0.05));              // 1 - 10 = -9: floor 0.05
        Assert.Equal(0.2, FirmRules.ReplicatorFactor(10, 0, 1.0, 1, 0.2));                // another floor
    }

    [Fact]
    public void Size_drag_pulls_relative_size_back_to_the_mean()
    {
        // 4^(-0.1 * 0.25) = exp(-0.025 ln 4) = exp(-0.034657) = 0.965936
        Assert.Equal(Math.Pow(4, -0.025), FirmRules.SizeDrag(0.1, 4, 0.25), Tol);
        Assert.Equal(0.965936, FirmRules.SizeDrag(0.1, 4, 0.25), 1e-6);
        Assert.Equal(1, FirmRules.SizeDrag(0.1, 1, 0.25), Tol);        // average firm: no drag
        Assert.True(FirmRules.SizeDrag(0.1, 0.25, 0.25) > 1);           // small firms are pushed up
        Assert.Equal(1, FirmRules.SizeDrag(0, 50, 0.25), Tol);         // kappa 0: off
        Assert.True(double.IsFinite(FirmRules.SizeDrag(0.1, 0, 0.25))); // zero size is clamped
    }

    [Fact]
    public void Shock_volatility_falls_with_size()
    {
        Assert.Equal(0.1, FirmRules.ShockVolatility(0.2, 4, 0.5), Tol); // 0.2 * 4^-0.5
        Assert.Equal(0.2, FirmRules.ShockVolatility(0.2, 1, 0.5), Tol);
        double previous = double.PositiveInfinity;
        foreach (double size in new[] { 0.001, 0.01, 0.1, 1, 10, 100, 1000 })
        {
            double sigma = FirmRules.ShockVolatility(P.DemandShockVolatility, size, P.VolatilitySizeElasticity);
            Assert.True(sigma < previous, $"volatility did not fall at relative size {size}");
            previous = sigma;
        }
        // Zero size is clamped at 1e-6 instead of dividing by zero.
        Assert.Equal(0.2 * Math.Pow(1e-6, -0.5), FirmRules.ShockVolatility(0.2, 0, 0.5), 1e-9);
    }

    [Fact]
    public void Exit_hazard_hand_computed()
    {
        var P = FirmRulesTests.P with { ExitHazard = 0.03 }; // the arithmetic below pins its own base hazard
        // Average size, age 0: 0.03 * 1 * (1 + 2) = 0.09.
        Assert.Equal(0.09, FirmRules.ExitHazard(P, 1, 0), Tol);
        // Size 8, age 4 yr: 0.03 * 8^-0.3 * (1 + 2 e^-1) = 0.03 * 0.535887 * 1.735759 = 0.0279052.
        Assert.Equal(0.03 * Math.Pow(2, -0.9) * (1 + 2 / Math.E), FirmRules.ExitHazard(P, 8, 4), Tol);
        Assert.Equal(0.0279052, FirmRules.ExitHazard(P, 8, 4), 1e-7);
        // Very old: the premium is gone.
        Assert.Equal(0.03, FirmRules.ExitHazard(P, 1, 1000), Tol);
    }

    [Fact]
    public void Exit_hazard_falls_with_size_and_with_age()
    {
        double[] sizes = [0.01, 0.1, 0.5, 1, 2, 10, 100];
        double[] ages = [0, 0.25, 1, 4, 10, 40];
        foreach (double age in ages)
            for (int k = 1; k < sizes.Length; k++)
                Assert.True(FirmRules.ExitHazard(P, sizes[k], age) < FirmRules.ExitHazard(P, sizes[k - 1], age), $"age {age}: hazard did not fall from size {sizes[k - 1]} to {sizes[k]}");
        foreach (double size in sizes)
            for (int k = 1; k < ages.Length; k++)
                Assert.True(FirmRules.ExitHazard(P, size, ages[k]) < FirmRules.ExitHazard(P, size, ages[k - 1]), $"size {size}: hazard did not fall from age {ages[k - 1]} to {ages[k]}");
    }

    [Fact]
    public void Exits_when_share_is_tiny_or_debt_is_deep()
    {
        var P = FirmRulesTests.P with { ExitShareThreshold = 0.01 }; // the cases below pin their own threshold
        // Threshold 0.01 of the average share; debt limit 0.25 years of sales.
        Assert.True(FirmRules.Exits(P, 0.00005, 100, 1, 10));    // 0.005 of the average share
        Assert.False(FirmRules.Exits(P, 0.001, 100, 1, 10));     // 0.1 of the average share, cash positive
        Assert.True(FirmRules.Exits(P, 0.01, 100, -3, 10));      // debt 3 > 2.5
        Assert.False(FirmRules.Exits(P, 0.01, 100, -2, 10));     // debt 2 < 2.5
        Assert.False(FirmRules.Exits(P, 0.0001, 100, -2.5, 10)); // exactly at both limits: stays (strict <)
    }

    [Fact]
    public void Imitation_closes_a_share_of_the_gap_and_never_lowers_productivity()
    {
        Assert.Equal(1.3, FirmRules.Imitate(1, 2, 0.3), Tol);   // 1 + 0.3 * (2 - 1)
        Assert.Equal(2, FirmRules.Imitate(2, 1, 0.3), Tol);     // already ahead
    }

    [Fact]
    public void Jump_high_widens_with_opportunity_and_demand_grows_with_productivity()
    {
        Assert.Equal(0.3, FirmRules.JumpHigh(P, 4), Tol);       // 0.15 * 4^0.5
        Assert.Equal(0.15, FirmRules.JumpHigh(P, 1), Tol);
        // 100 * 1.03^2 * 1.21^0.8 = 106.09 * 1.164742 = 123.5675
        Assert.Equal(100 * 1.0609 * Math.Pow(1.21, 0.8), FirmRules.Demand(P, 100, 2, 1.21, 1.0), 1e-9);
        Assert.Equal(123.5675, FirmRules.Demand(P, 100, 2, 1.21, 1.0), 1e-3);
    }
}
