using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Tests.Mechanisms;

/// <summary>The certification rules of Guo Ke Fa Huo [2016] No. 32 on one firm: each threshold from just above and just below.</summary>
public class CertificationRulesTests
{
    private static readonly ModelParameters P = new();

    [Theory]
    [InlineData(0.01, 0.05)]
    [InlineData(0.05, 0.05)]       // 50 m yuan or less: small
    [InlineData(0.0500001, 0.04)]
    [InlineData(0.2, 0.04)]        // 200 m yuan or less: medium
    [InlineData(0.2000001, 0.03)]
    [InlineData(30, 0.03)]
    public void The_RD_share_needed_falls_with_the_firms_revenue(double revenue, double threshold) =>
        Assert.Equal(threshold, CertificationRules.RdShareThreshold(P, revenue));

    [Theory]
    [InlineData(0.03, 0.0501, true)]    // small firm, 5%
    [InlineData(0.03, 0.0499, false)]
    [InlineData(0.1, 0.0401, true)]     // medium firm, 4%
    [InlineData(0.1, 0.0399, false)]
    [InlineData(1.0, 0.0301, true)]     // large firm, 3%
    [InlineData(1.0, 0.0299, false)]
    public void A_firm_just_above_its_RD_threshold_meets_it_and_just_below_does_not(double revenue, double rdShare, bool meets) =>
        Assert.Equal(meets, CertificationRules.Meets(P, revenue, rdShare, staffShare: 0.2));

    [Theory]
    [InlineData(0.1001, true)]
    [InlineData(0.0999, false)]
    public void A_firm_just_above_the_staff_threshold_meets_it_and_just_below_does_not(double staffShare, bool meets) =>
        Assert.Equal(meets, CertificationRules.Meets(P, 1.0, 0.05, staffShare));

    [Fact]
    public void Staff_is_revenue_over_revenue_per_employee_and_the_share_is_researchers_over_staff()
    {
        var p = P with { RevenuePerEmployee = 1.5 };
        Assert.Equal(20, CertificationRules.Staff(p, 0.03), 1e-12);              // 30 m yuan / 1.5 m yuan per employee
        Assert.Equal(0.1, CertificationRules.StaffShare(p, 2, 0.03), 1e-12);     // 2 of 20
        Assert.Equal(0, CertificationRules.StaffShare(p, 2, 0));                 // no revenue, no staff to count
        Assert.False(CertificationRules.Meets(p, 0, 1, 1));                      // a firm without revenue is never certified
    }

    [Fact]
    public void A_certificate_is_due_for_review_after_the_review_period_and_not_before()
    {
        Assert.Equal(12, CertificationRules.ValidTicks(P));                      // three years of quarters
        Assert.False(CertificationRules.ReviewDue(P, 3, 11));
        Assert.True(CertificationRules.ReviewDue(P, 3, 15));
        Assert.True(CertificationRules.ReviewDue(P with { CertificationReviewYears = 1 }, 3, 7));
        Assert.True(CertificationRules.ReviewDue(P, -2_000_000_000, 2_000_000_000)); // far apart, no overflow
    }

    [Fact]
    public void The_raise_to_qualify_is_the_larger_of_the_two_shortfalls_and_never_below_one()
    {
        Assert.Equal(0.03 / 0.025, CertificationRules.QualifyingRaise(P, 1.0, 0.025, 0.2), 1e-12);   // R&D short
        Assert.Equal(0.1 / 0.05, CertificationRules.QualifyingRaise(P, 1.0, 0.025, 0.05), 1e-12);     // staff shorter
        Assert.Equal(1, CertificationRules.QualifyingRaise(P, 1.0, 0.05, 0.2));                       // already qualifies
        Assert.Equal(double.PositiveInfinity, CertificationRules.QualifyingRaise(P, 1.0, 0, 0.2));    // no R&D to raise
    }

    [Fact]
    public void Raising_RD_pays_when_the_tax_saved_exceeds_its_after_tax_cost()
    {
        // Large firm at 2.8% against 3%: extra cost 0.2% * 0.7 = 0.14% of revenue; saving (25% - 15%) * (8% - 3% * 2) = 0.2%.
        Assert.True(CertificationRules.RaisePays(P, 0.028, 0.03 / 0.028));
        // At 1% it must triple its R&D: 2% * 0.7 = 1.4% against the same 0.2%.
        Assert.False(CertificationRules.RaisePays(P, 0.01, 3));
        Assert.False(CertificationRules.RaisePays(P, 0.028, double.PositiveInfinity));
    }

    [Fact]
    public void The_preferential_rate_is_what_makes_the_raise_pay()
    {
        double raise = 0.03 / 0.028;
        Assert.True(CertificationRules.RaisePays(P with { CorporateTaxRate = 0.15 }, 0.028, raise));
        Assert.False(CertificationRules.RaisePays(P with { CorporateTaxRate = 0.25 }, 0.028, raise));   // no tax gap: nothing to gain
        Assert.False(CertificationRules.RaisePays(P with { CorporateTaxRate = 0.20 }, 0.028, raise));   // saving 0.1% against cost 0.2% * (1 - 0.4) = 0.12%
        // A larger super-deduction leaves less taxable profit to save tax on: 8% - 3% * 3 < 0.
        Assert.False(CertificationRules.RaisePays(P with { SuperDeduction = 2 }, 0.028, raise));
    }
}
