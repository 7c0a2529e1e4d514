using EcoSim.Model.Parameters;
using EcoSim.Model.World;

namespace EcoSim.Model.Mechanisms;

/// <summary>
/// The rules of China's high-tech enterprise certification (Guo Ke Fa Huo [2016] No. 32) as the model
/// applies them to one firm: the R&amp;D share of revenue its size class needs, the share of researchers in
/// its staff, when a certificate is due for review, and whether raising R&amp;D to qualify pays for itself
/// through the lower tax rate (the notch firms bunch at: Chen, Liu, Suárez Serrato and Xu 2021, AER).
/// </summary>
public static class CertificationRules
{
    /// <summary>
    /// The least R&amp;D share of revenue for a firm of <paramref name="revenue"/> bn yuan/yr: the small-firm share up to
    /// the small-firm revenue (inclusive, as the rules say "50 m yuan or less"), the medium share up to the large-firm
    /// revenue (inclusive), the large-firm share above. A small-firm revenue above the large-firm revenue leaves the
    /// medium class empty (a policy that merges the classes), which the rule handles as it stands.
    /// </summary>
    public static double RdShareThreshold(ModelParameters p, double revenue) =>
        revenue <= p.CertificationSmallRevenue ? p.CertificationSmallRdShare
        : revenue <= p.CertificationLargeRevenue ? p.CertificationMediumRdShare
        : p.CertificationLargeRdShare;

    /// <summary>A firm's staff: its revenue (bn yuan/yr) over the revenue per employee (m yuan), in persons.</summary>
    public static double Staff(ModelParameters p, double revenue) => Math.Max(revenue, 0) * 1000 / p.RevenuePerEmployee;

    /// <summary>The share of researchers in a firm's staff (0 for a firm without revenue, which has no staff to count).</summary>
    public static double StaffShare(ModelParameters p, double researchers, double revenue)
    {
        double staff = Staff(p, revenue);
        return staff > 0 ? researchers / staff : 0;
    }

    /// <summary>Whether a firm meets both thresholds: its R&amp;D share of revenue and its researchers' share of staff.</summary>
    public static bool Meets(ModelParameters p, double revenue, double rdShare, double staffShare) =>
        revenue > 0 && rdShare >= RdShareThreshold(p, revenue) && staffShare >= p.CertificationStaffShare;

    /// <summary>Ticks a certificate lasts: the review period in whole quarters.</summary>
    public static int ValidTicks(ModelParameters p) => Math.Max(1, (int)Math.Round(p.CertificationReviewYears * WorldSpec.TicksPerYear));

    /// <summary>Whether a certificate granted at <paramref name="certifiedTick"/> is due for review at <paramref name="tick"/>.</summary>
    public static bool ReviewDue(ModelParameters p, int certifiedTick, int tick) => (long)tick - certifiedTick >= ValidTicks(p);

    /// <summary>
    /// The factor (at least 1) by which a firm must raise its R&amp;D to meet both thresholds: researchers follow R&amp;D
    /// funding, so one factor raises the R&amp;D share and the staff share together. Infinite when a share is zero.
    /// </summary>
    public static double QualifyingRaise(ModelParameters p, double revenue, double rdShare, double staffShare)
    {
        double rd = RdShareThreshold(p, revenue) / rdShare, staff = p.CertificationStaffShare / staffShare;
        double raise = Math.Max(rd, staff);
        return double.IsNaN(raise) ? double.PositiveInfinity : Math.Max(1, raise);
    }

    /// <summary>
    /// Whether raising R&amp;D by <paramref name="raise"/> to qualify pays: the after-tax cost of the extra R&amp;D,
    /// (raise - 1) * share * user cost, is less than the tax saved on profit, (standard rate - preferential rate) *
    /// taxable profit, with taxable profit the operating margin less the raised R&amp;D and its super-deduction (never
    /// below zero), all per yuan of revenue. The preferential rate is <see cref="ModelParameters.CorporateTaxRate"/>.
    /// </summary>
    public static bool RaisePays(ModelParameters p, double rdShare, double raise)
    {
        if (!double.IsFinite(raise)) return false;
        double extraCost = (raise - 1) * rdShare * FirmRules.RdUserCost(p);
        double taxable = Math.Max(0, p.OperatingMargin - raise * rdShare * (1 + p.SuperDeduction));
        return extraCost < (p.StandardTaxRate - p.CorporateTaxRate) * taxable;
    }
}
