namespace EcoSim.Model.Parameters;

/// <summary>
/// Every number the model's rules use. Each property carries its unit, allowed range and source in a
/// <see cref="ParameterAttribute"/>; scenarios override them by name (see <see cref="ParameterCatalog"/>).
/// Money is in bn yuan, rates are per year unless the name says otherwise.
/// </summary>
public sealed record ModelParameters
{
    // ---- Public S&T budget and its split over the five links ----
    /// <summary>Public S&amp;T budget in the first simulated year.</summary>
    [Parameter("bn yuan/yr", 0, 10000, "assumed: order of Guangdong's provincial and local fiscal S&T spending", Description = "public S&T budget in the start year; an event sets the level from its year on", PlausibleLow = 50, PlausibleHigh = 150, PlausibleSource = "assumed: ±50% of the default, the order of Guangdong's fiscal S&T spending")]
    public double PublicBudget { get; init; } = 100;
    /// <summary>Growth of the public budget.</summary>
    [Parameter("1/yr", -0.5, 0.5, "assumed", Description = "annual growth rate of the public S&T budget from one year to the next", PlausibleLow = 0, PlausibleHigh = 0.1, PlausibleSource = "assumed: from a flat budget to the ~10%/yr growth of fiscal S&T spending in the 2010s")]
    public double PublicBudgetGrowth { get; init; } = 0.06;
    /// <summary>Share of the public budget for basic research, before the floor.</summary>
    [Parameter("share", 0, 1, "assumed: Guangdong's 14th FYP targets a 10% basic share of all R&D; provincial funds lean further to basic work", Description = "basic-research share of the public S&T budget", PlausibleLow = 0.1, PlausibleHigh = 0.4, PlausibleSource = "assumed: from the 14th FYP's 10% basic share of all R&D to above the one-third rule")]
    public double BasicShare { get; init; } = 0.20;
    /// <summary>Legal floor on the basic share (the one-third rule sets 1/3).</summary>
    [Parameter("share", 0, 1, "Guangdong S&T Innovation Regulations 2024 (1/3 for provincial S&T special funds); 0 before", Description = "minimum basic-research share of the public S&T budget", PlausibleLow = 0, PlausibleHigh = 1.0 / 3, PlausibleSource = "Guangdong S&T Innovation Regulations 2024: no floor before, 1/3 under them")]
    public double MinBasicShare { get; init; } = 0;
    /// <summary>Weight of technology breakthroughs (applied research) in the non-basic budget.</summary>
    [Parameter("weight", 0, 100, "assumed", Description = "weight of the breakthroughs link in the non-basic budget", PlausibleLow = 0.225, PlausibleHigh = 0.675, PlausibleSource = "assumed: ±50% of the default")]
    public double AppliedWeight { get; init; } = 0.45;
    /// <summary>Weight of results transformation in the non-basic budget.</summary>
    [Parameter("weight", 0, 100, "assumed", Description = "weight of the transformation link in the non-basic budget", PlausibleLow = 0.1, PlausibleHigh = 0.3, PlausibleSource = "assumed: ±50% of the default")]
    public double TransformationWeight { get; init; } = 0.20;
    /// <summary>Weight of S&amp;T finance in the non-basic budget.</summary>
    [Parameter("weight", 0, 100, "assumed", Description = "weight of the S&T finance link in the non-basic budget", PlausibleLow = 0.075, PlausibleHigh = 0.225, PlausibleSource = "assumed: ±50% of the default")]
    public double FinanceWeight { get; init; } = 0.15;
    /// <summary>Weight of talent support in the non-basic budget.</summary>
    [Parameter("weight", 0, 100, "assumed", Description = "weight of the talent link in the non-basic budget", PlausibleLow = 0.1, PlausibleHigh = 0.3, PlausibleSource = "assumed: ±50% of the default")]
    public double TalentWeight { get; init; } = 0.20;

    // ---- Basic research: labs ----
    /// <summary>Scale of lab knowledge production.</summary>
    [Parameter("knowledge/(researcher^lambda yr)", 0, 1000, "assumed; normalised so that initial stocks are steady states", Description = "delta in dK = delta R^lambda K^phi", PlausibleLow = 0.5, PlausibleHigh = 1.5, PlausibleSource = "assumed: ±50% of the default")]
    public double KnowledgeProductivity { get; init; } = 1.0;
    /// <summary>Elasticity of knowledge production to researchers.</summary>
    [Parameter("1", 0, 1.5, "assumed; Jones 1995 finds lambda < 1", Description = "lambda: elasticity of knowledge output to researchers", PlausibleLow = 0.5, PlausibleHigh = 0.9, PlausibleSource = "assumed: decreasing returns to researchers, lambda < 1 (Jones 1995)")]
    public double ResearcherElasticity { get; init; } = 0.7;
    /// <summary>Elasticity of knowledge production to the existing stock (standing on shoulders).</summary>
    [Parameter("1", 0, 0.8, "assumed; Jones 1995 semi-endogenous growth, phi < 1; above 0.8 steady-state stocks leave the exact-sum range", Description = "phi: elasticity of knowledge output to the stock", PlausibleLow = 0.2, PlausibleHigh = 0.6, PlausibleSource = "assumed: phi < 1 (Jones 1995), from weak to strong standing on shoulders")]
    public double StockElasticity { get; init; } = 0.4;
    /// <summary>Depreciation of basic knowledge.</summary>
    [Parameter("1/yr", 0.001, 0.5, "assumed; slow relative to the 15%/yr of business R&D stocks (Hall 2007)", Description = "depreciation rate of the basic-knowledge stock", PlausibleLow = 0.02, PlausibleHigh = 0.1, PlausibleSource = "assumed: well below the 15%/yr of business R&D stocks (Hall 2007)")]
    public double KnowledgeDepreciation { get; init; } = 0.05;
    /// <summary>Mean lag from basic knowledge to industry.</summary>
    [Parameter("yr", 0.25, 40, "Adams 1990 (JPE): ~20 years academic science to industry productivity; ~10 via academic technology", Description = "mean of the distributed lag from lab knowledge to industry", PlausibleLow = 8, PlausibleHigh = 20, PlausibleSource = "Adams 1990 (JPE): ~10 years via academic technology to ~20 years for academic science")]
    public double KnowledgeLagYears { get; init; } = 12;
    /// <summary>Stages of the Erlang distributed lag (1 = exponential lag).</summary>
    [Parameter("count", 1, 12, "assumed: a hump-shaped lag", Description = "number of first-order delay stages in the knowledge lag", FixedAtStart = true, PlausibleLow = 1, PlausibleHigh = 6, PlausibleSource = "assumed: from an exponential lag (1 stage) to a sharply humped one")]
    public double KnowledgeLagStages { get; init; } = 3;
    /// <summary>Weight of knowledge from related clusters in a cluster's technological opportunity.</summary>
    [Parameter("1", 0, 1, "assumed", Description = "spillover weight of related clusters' knowledge", PlausibleLow = 0.1, PlausibleHigh = 0.5, PlausibleSource = "assumed: weak to strong spillovers between related clusters")]
    public double KnowledgeSpillover { get; init; } = 0.3;
    /// <summary>Share of lab spending that pays researchers.</summary>
    [Parameter("share", 0.05, 1, "assumed: labour share of R&D spending", Description = "share of R&D spending that pays researchers' wages", PlausibleLow = 0.4, PlausibleHigh = 0.7, PlausibleSource = "assumed: the default +-0.15")]
    public double ResearcherCostShare { get; init; } = 0.55;

    // ---- Technology breakthroughs ----
    /// <summary>Breakthroughs per lab per year at 1 bn yuan/yr applied funding and initial opportunity.</summary>
    [Parameter("1/yr", 0, 1000, "assumed", Description = "breakthrough rate of a lab at 1 bn yuan/yr of applied funding", PlausibleLow = 1, PlausibleHigh = 3, PlausibleSource = "assumed: ±50% of the default")]
    public double BreakthroughRate { get; init; } = 2.0;
    /// <summary>Elasticity of the breakthrough rate to applied funding.</summary>
    [Parameter("1", 0, 2, "assumed: diminishing returns", Description = "elasticity of breakthroughs to applied funding", PlausibleLow = 0.3, PlausibleHigh = 0.9, PlausibleSource = "assumed: ±50% of the default, diminishing returns kept")]
    public double BreakthroughFundingElasticity { get; init; } = 0.6;
    /// <summary>Elasticity of the breakthrough rate to technological opportunity.</summary>
    [Parameter("1", 0, 5, "assumed", Description = "elasticity of breakthroughs to knowledge reaching industry", PlausibleLow = 0.5, PlausibleHigh = 1.5, PlausibleSource = "assumed: ±50% of the default")]
    public double BreakthroughOpportunityElasticity { get; init; } = 1.0;
    /// <summary>Breakthrough value that makes a new technology generation in a cluster.</summary>
    [Parameter("breakthroughs", 1, 10000, "assumed", Description = "breakthroughs accumulated per new technology generation", PlausibleLow = 15, PlausibleHigh = 45, PlausibleSource = "assumed: ±50% of the default")]
    public double BreakthroughsPerGeneration { get; init; } = 30;
    /// <summary>Growth of the breakthroughs needed per generation, per generation: ideas get harder to find.</summary>
    [Parameter("1/generation", 0, 2, "assumed; Bloom, Jones, Van Reenen & Webb 2020 (AER): research productivity falls ~5-10%/yr", Description = "growth of the breakthroughs needed for each further technology generation", PlausibleLow = 0.075, PlausibleHigh = 0.225, PlausibleSource = "assumed: ±50% of the default; Bloom et al. 2020 find research productivity falling ~5-10%/yr")]
    public double IdeaDifficultyGrowth { get; init; } = 0.15;
    /// <summary>Productivity gain of adopting one technology generation.</summary>
    [Parameter("share", 0, 1, "assumed", Description = "productivity gain per technology generation adopted", PlausibleLow = 0.015, PlausibleHigh = 0.045, PlausibleSource = "assumed: ±50% of the default")]
    public double GenerationGain { get; init; } = 0.03;
    /// <summary>Most generations a laggard gains in one adoption.</summary>
    [Parameter("generations", 1, 100, "assumed", Description = "cap on the technology generations a firm catches up in one adoption", PlausibleLow = 1.5, PlausibleHigh = 4.5, PlausibleSource = "assumed: ±50% of the default")]
    public double MaxGenerationsPerAdoption { get; init; } = 3;
    /// <summary>Generations an ordinary entrant starts behind the cluster's newest.</summary>
    [Parameter("generations", 0, 10, "assumed: entrants start with established, not newest, technology", Description = "technology generations an ordinary entrant starts behind the newest", PlausibleLow = 0, PlausibleHigh = 2, PlausibleSource = "assumed: entrants with the newest technology to two generations behind")]
    public double EntrantVintageLag { get; init; } = 1;
    /// <summary>Share of breakthroughs that become spin-off start-ups.</summary>
    [Parameter("share", 0, 1, "assumed", Description = "probability that a breakthrough spins off a start-up", PlausibleLow = 0.075, PlausibleHigh = 0.225, PlausibleSource = "assumed: ±50% of the default")]
    public double SpinOffProbability { get; init; } = 0.15;

    // ---- Development pipeline of pharma-like clusters ----
    /// <summary>Mean duration of phase I.</summary>
    [Parameter("yr", 0.1, 20, "BIO, Informa Pharma Intelligence & QLS 2021, Clinical Development Success Rates 2011-2020: 2.3 yr", Description = "mean duration of phase I trials", PlausibleLow = 1.5, PlausibleHigh = 3, PlausibleSource = "assumed: around BIO et al. 2021's 2.3 yr; durations differ by indication")]
    public double PhaseOneYears { get; init; } = 2.3;
    /// <summary>Mean duration of phase II.</summary>
    [Parameter("yr", 0.1, 20, "BIO et al. 2021: 3.6 yr", Description = "mean duration of phase II trials", PlausibleLow = 2.5, PlausibleHigh = 4.5, PlausibleSource = "assumed: around BIO et al. 2021's 3.6 yr; durations differ by indication")]
    public double PhaseTwoYears { get; init; } = 3.6;
    /// <summary>Mean duration of phase III.</summary>
    [Parameter("yr", 0.1, 20, "BIO et al. 2021: 3.3 yr", Description = "mean duration of phase III trials", PlausibleLow = 2.5, PlausibleHigh = 4.5, PlausibleSource = "assumed: around BIO et al. 2021's 3.3 yr; durations differ by indication")]
    public double PhaseThreeYears { get; init; } = 3.3;
    /// <summary>Mean duration of regulatory review.</summary>
    [Parameter("yr", 0.1, 20, "BIO et al. 2021: 1.3 yr (10.5 yr from phase I to approval in all)", Description = "mean duration of regulatory review", PlausibleLow = 1, PlausibleHigh = 2, PlausibleSource = "assumed: around BIO et al. 2021's 1.3 yr")]
    public double ReviewYears { get; init; } = 1.3;
    /// <summary>Share of candidates that pass phase I.</summary>
    [Parameter("share", 0, 1, "BIO et al. 2021: 52.0%", Description = "phase I to phase II transition rate", PlausibleLow = 0.4, PlausibleHigh = 0.65, PlausibleSource = "assumed: around BIO et al. 2021's 52.0%; rates differ by indication")]
    public double PhaseOnePassRate { get; init; } = 0.520;
    /// <summary>Share of candidates that pass phase II.</summary>
    [Parameter("share", 0, 1, "BIO et al. 2021: 28.9%", Description = "phase II to phase III transition rate", PlausibleLow = 0.2, PlausibleHigh = 0.4, PlausibleSource = "assumed: around BIO et al. 2021's 28.9%; rates differ by indication")]
    public double PhaseTwoPassRate { get; init; } = 0.289;
    /// <summary>Share of candidates that pass phase III.</summary>
    [Parameter("share", 0, 1, "BIO et al. 2021: 57.8%", Description = "phase III to submission transition rate", PlausibleLow = 0.45, PlausibleHigh = 0.7, PlausibleSource = "assumed: around BIO et al. 2021's 57.8%; rates differ by indication")]
    public double PhaseThreePassRate { get; init; } = 0.578;
    /// <summary>Share of submissions approved.</summary>
    [Parameter("share", 0, 1, "BIO et al. 2021: 90.6% (7.9% from phase I to approval in all)", Description = "submission to approval rate", PlausibleLow = 0.8, PlausibleHigh = 0.95, PlausibleSource = "assumed: around BIO et al. 2021's 90.6%")]
    public double ReviewPassRate { get; init; } = 0.906;
    /// <summary>Breakthrough value of one approval (0: the reciprocal of the likelihood of approval).</summary>
    [Parameter("breakthroughs", 0, 10000, "assumed: 0 keeps the expected value of a candidate at one breakthrough", Description = "value of an approved candidate in breakthroughs (0 = 1 / likelihood of approval)", PlausibleLow = 0, PlausibleHigh = 25, PlausibleSource = "assumed: up to twice the value 0 stands for (1 / likelihood of approval, about 12.7)")]
    public double ApprovalBreakthroughValue { get; init; } = 0;

    // ---- Firms: R&D, innovation, imitation (Keynes+Schumpeter family, Dosi et al. 2010) ----
    /// <summary>Depreciation of firms' R&amp;D stocks.</summary>
    [Parameter("1/yr", 0, 0.6, "Hall 2007 (NBER ch. 12239): 15%/yr by convention", Description = "depreciation rate of firm R&D stocks", PlausibleLow = 0.1, PlausibleHigh = 0.3, PlausibleSource = "Hall 2007: 15%/yr by convention; estimates by industry range from about 10% to 30%")]
    public double RdDepreciation { get; init; } = 0.15;
    /// <summary>Innovation success parameter zeta per unit of staffed R&amp;D intensity.</summary>
    [Parameter("1/(share of sales)/yr", 0, 1000, "assumed; Dosi et al. 2010 use 1-exp(-zeta*RD effort); effort is staffed R&D over sales so that innovation scales with size (Klette & Kortum 2004)", Description = "zeta: innovation success per unit of staffed R&D intensity", PlausibleLow = 10, PlausibleHigh = 30, PlausibleSource = "assumed: ±50% of the default")]
    public double InnovationZeta { get; init; } = 20;
    /// <summary>Imitation success parameter per unit of staffed R&amp;D intensity.</summary>
    [Parameter("1/(share of sales)/yr", 0, 1000, "assumed", Description = "imitation success per unit of staffed R&D intensity", PlausibleLow = 5, PlausibleHigh = 15, PlausibleSource = "assumed: ±50% of the default")]
    public double ImitationZeta { get; init; } = 10;
    /// <summary>Beta distribution alpha of the innovation jump.</summary>
    [Parameter("1", 0.1, 20, "Dosi et al. 2010: Beta(3,3)", Description = "alpha of the Beta draw of an innovation's size", PlausibleLow = 2, PlausibleHigh = 4, PlausibleSource = "assumed: around Dosi et al. 2010's Beta(3,3)")]
    public double InnovationBetaA { get; init; } = 3;
    /// <summary>Beta distribution beta of the innovation jump.</summary>
    [Parameter("1", 0.1, 20, "Dosi et al. 2010: Beta(3,3)", Description = "beta of the Beta draw of an innovation's size", PlausibleLow = 2, PlausibleHigh = 4, PlausibleSource = "assumed: around Dosi et al. 2010's Beta(3,3)")]
    public double InnovationBetaB { get; init; } = 3;
    /// <summary>Lower end of the innovation jump.</summary>
    [Parameter("share", -0.5, 0, "Dosi et al. 2010: -0.15", Description = "lower support of the innovation's productivity change", PlausibleLow = -0.225, PlausibleHigh = -0.075, PlausibleSource = "assumed: ±50% of Dosi et al. 2010's -0.15")]
    public double InnovationJumpLow { get; init; } = -0.15;
    /// <summary>Upper end of the innovation jump at initial opportunity.</summary>
    [Parameter("share", 0, 1, "Dosi et al. 2010: 0.15", Description = "upper support of the innovation's productivity change at initial opportunity", PlausibleLow = 0.075, PlausibleHigh = 0.225, PlausibleSource = "assumed: ±50% of Dosi et al. 2010's 0.15")]
    public double InnovationJumpHigh { get; init; } = 0.15;
    /// <summary>Elasticity of the upper innovation support to technological opportunity.</summary>
    [Parameter("1", 0, 3, "assumed", Description = "how much knowledge reaching industry widens the upside of innovations", PlausibleLow = 0.25, PlausibleHigh = 0.75, PlausibleSource = "assumed: ±50% of the default")]
    public double OpportunityUpsideElasticity { get; init; } = 0.5;
    /// <summary>Share of the gap to the cluster's mean practice closed by a successful imitation.</summary>
    [Parameter("share", 0, 1, "assumed", Description = "gap to the cluster's weighted mean productivity closed by one imitation", PlausibleLow = 0.15, PlausibleHigh = 0.45, PlausibleSource = "assumed: ±50% of the default")]
    public double ImitationCatchUp { get; init; } = 0.3;

    // ---- Results transformation: adoption (Bass-type diffusion) ----
    /// <summary>Independent adoption rate at full absorptive capacity.</summary>
    [Parameter("1/yr", 0, 10, "assumed; Bass 1969 innovation coefficient", Description = "adoption rate driven by own absorptive capacity", PlausibleLow = 0.04, PlausibleHigh = 0.12, PlausibleSource = "assumed: ±50% of the default")]
    public double AdoptionInnovationRate { get; init; } = 0.08;
    /// <summary>Adoption rate driven by the share of adopters (word of mouth).</summary>
    [Parameter("1/yr", 0, 10, "assumed; Bass 1969 imitation coefficient", Description = "adoption rate driven by the share of adopters", PlausibleLow = 0.5, PlausibleHigh = 1.3, PlausibleSource = "assumed: the default +-0.4")]
    public double AdoptionImitationRate { get; init; } = 0.9;
    /// <summary>R&amp;D stock (as years of sales) at which absorptive capacity is one half.</summary>
    [Parameter("yr of sales", 0.001, 10, "assumed; Cohen & Levinthal 1990 absorptive capacity", Description = "R&D stock over sales at half absorptive capacity", PlausibleLow = 0.025, PlausibleHigh = 0.075, PlausibleSource = "assumed: ±50% of the default")]
    public double AbsorptiveHalfSaturation { get; init; } = 0.05;
    /// <summary>Boost to adoption per bn yuan/yr of transformation funding in a cluster.</summary>
    [Parameter("1/(bn yuan/yr)", 0, 10, "assumed", Description = "adoption boost per bn yuan/yr of transformation funding in a cluster", PlausibleLow = 0.25, PlausibleHigh = 0.75, PlausibleSource = "assumed: ±50% of the default")]
    public double TransformationBoost { get; init; } = 0.5;

    // ---- Market ----
    /// <summary>Replicator strength.</summary>
    [Parameter("1/yr", 0, 10, "assumed; Dosi et al. 2010 replicator dynamics", Description = "chi: speed at which shares move to more competitive firms", PlausibleLow = 0.0125, PlausibleHigh = 0.0375, PlausibleSource = "assumed: ±50% of the default")]
    public double ReplicatorStrength { get; init; } = 0.025;
    /// <summary>Mean reversion of log firm size: decreasing returns that bound concentration.</summary>
    [Parameter("1/yr", 0, 2, "assumed; decreasing returns to scale keep the size distribution stationary (a mean-reverting log size)", Description = "kappa: pull of a firm's log relative size back towards the average", PlausibleLow = 0.0125, PlausibleHigh = 0.0375, PlausibleSource = "assumed: ±50% of the default")]
    public double SizeMeanReversion { get; init; } = 0.025;
    /// <summary>Standard deviation of the idiosyncratic demand shock.</summary>
    [Parameter("1/sqrt(yr)", 0, 2, "assumed", Description = "volatility of firms' idiosyncratic demand", PlausibleLow = 0.15, PlausibleHigh = 0.45, PlausibleSource = "assumed: ±50% of the default")]
    public double DemandShockVolatility { get; init; } = 0.3;
    /// <summary>How fast growth volatility falls with firm size.</summary>
    [Parameter("1", 0, 1, "Stanley et al. 1996 (Nature): s.d. of growth falls with size, exponent ~0.15-0.2", Description = "elasticity of demand-shock volatility to relative firm size (negative sign applied)", PlausibleLow = 0.15, PlausibleHigh = 0.3, PlausibleSource = "assumed: from Stanley et al. 1996's 0.15-0.2 to a little above the default")]
    public double VolatilitySizeElasticity { get; init; } = 0.22;
    /// <summary>Exogenous growth of cluster demand.</summary>
    [Parameter("1/yr", -0.5, 0.5, "assumed", Description = "exogenous growth of real demand per cluster", PlausibleLow = 0.01, PlausibleHigh = 0.05, PlausibleSource = "assumed: 1-5%/yr real demand growth per cluster")]
    public double DemandGrowth { get; init; } = 0.03;
    /// <summary>Pass-through of productivity to demand.</summary>
    [Parameter("1", 0, 2, "assumed", Description = "elasticity of cluster demand to mean productivity", PlausibleLow = 0.4, PlausibleHigh = 1.2, PlausibleSource = "assumed: ±50% of the default")]
    public double ProductivityPassThrough { get; init; } = 0.8;
    /// <summary>Value added as a share of revenue.</summary>
    [Parameter("share", 0.01, 1, "assumed: industrial value added ratio ~ 0.25", Description = "value added per unit of revenue", PlausibleLow = 0.2, PlausibleHigh = 0.3, PlausibleSource = "assumed: around the ~0.25 value added ratio of industry")]
    public double ValueAddedShare { get; init; } = 0.25;
    /// <summary>Operating margin before R&amp;D.</summary>
    [Parameter("share", 0, 1, "assumed", Description = "operating margin before R&D spending", PlausibleLow = 0.04, PlausibleHigh = 0.12, PlausibleSource = "assumed: ±50% of the default")]
    public double OperatingMargin { get; init; } = 0.08;
    /// <summary>A firm exits when its share is below this fraction of the cluster's average share.</summary>
    [Parameter("share of mean", 0, 1, "assumed; calibrated so that firms far below the average size survive and only the hazard removes them (docs/MODEL.md section 11)", Description = "exit threshold: share relative to the average firm's share", PlausibleLow = 0.0005, PlausibleHigh = 0.0015, PlausibleSource = "assumed: ±50% of the default")]
    public double ExitShareThreshold { get; init; } = 0.001;
    /// <summary>Yearly exit hazard of an average-sized mature firm.</summary>
    [Parameter("1/yr", 0, 1, "assumed; with the extra hazard of small and young firms, 6-10%/yr exit (Dunne, Roberts & Samuelson 1988)", Description = "exit hazard of an average-sized mature firm", PlausibleLow = 0.01, PlausibleHigh = 0.03, PlausibleSource = "assumed: ±50% of the default")]
    public double ExitHazard { get; init; } = 0.02;
    /// <summary>How fast the exit hazard falls with relative size.</summary>
    [Parameter("1", 0, 2, "assumed; exit falls with size (Evans 1987; Dunne, Roberts & Samuelson 1988)", Description = "elasticity of the exit hazard to relative size (negative sign applied)", PlausibleLow = 0.15, PlausibleHigh = 0.45, PlausibleSource = "assumed: ±50% of the default")]
    public double ExitSizeElasticity { get; init; } = 0.3;
    /// <summary>Extra exit hazard of a new firm, decaying with age.</summary>
    [Parameter("1", 0, 20, "assumed; exit falls with age (Evans 1987)", Description = "multiplier of extra exit hazard at age zero, decaying with the young-firm age scale", PlausibleLow = 1, PlausibleHigh = 3, PlausibleSource = "assumed: ±50% of the default")]
    public double YoungFirmExitPremium { get; init; } = 2;
    /// <summary>Time constant of the young-firm exit premium.</summary>
    [Parameter("yr", 0.25, 50, "assumed; exit falls with age (Evans 1987)", Description = "age over which the young-firm exit premium decays by e", PlausibleLow = 2, PlausibleHigh = 6, PlausibleSource = "assumed: ±50% of the default")]
    public double YoungFirmAgeScale { get; init; } = 4;
    /// <summary>Floor of the replicator factor in one tick.</summary>
    [Parameter("1", 0, 1, "assumed: a firm keeps at least this share of its weight from competition in one tick", Description = "lowest replicator factor in one tick", PlausibleLow = 0.025, PlausibleHigh = 0.075, PlausibleSource = "assumed: ±50% of the default")]
    public double ReplicatorFloor { get; init; } = 0.05;
    /// <summary>A firm exits when its cash is below minus this many years of its sales.</summary>
    [Parameter("yr of sales", 0, 10, "assumed", Description = "exit threshold: debt in years of sales", PlausibleLow = 0.125, PlausibleHigh = 0.375, PlausibleSource = "assumed: ±50% of the default")]
    public double ExitDebtYears { get; init; } = 0.25;

    // ---- Firm R&D decision and tax ----
    /// <summary>R&amp;D super-deduction rate (extra deduction over actual R&amp;D).</summary>
    [Parameter("share", 0, 2, "China: 100% super-deduction from 2023 (MOF/STA Announcement 2023 No. 7)", Description = "extra deduction of R&D spending from taxable income", PlausibleLow = 0.5, PlausibleHigh = 1.2, PlausibleSource = "China: 50% before 2018, 75% from 2018, 100% from 2023 (MOF/STA 2023 No. 7), 120% for chip makers (MOF/STA 2023 No. 44)")]
    public double SuperDeduction { get; init; } = 1.0;
    /// <summary>Corporate income tax rate used in the R&amp;D user cost.</summary>
    [Parameter("share", 0, 0.6, "China: 25% standard, 15% for high-tech enterprises", Description = "tax rate of high-tech enterprises", PlausibleLow = 0.15, PlausibleHigh = 0.25, PlausibleSource = "Enterprise Income Tax Law: 15% for high-tech enterprises, 25% standard")]
    public double CorporateTaxRate { get; init; } = 0.15;
    /// <summary>Floor of the after-tax cost of one yuan of R&amp;D.</summary>
    [Parameter("yuan/yuan", 0.01, 1, "assumed: tax relief never pays for more than 95% of R&D", Description = "lowest after-tax cost of one yuan of R&D", PlausibleLow = 0.025, PlausibleHigh = 0.075, PlausibleSource = "assumed: ±50% of the default")]
    public double MinRdUserCost { get; init; } = 0.05;
    /// <summary>Price elasticity of R&amp;D to its user cost.</summary>
    [Parameter("1", 0, 3, "assumed; Hall & Van Reenen 2000 report about -1", Description = "elasticity of R&D intensity to the user cost of R&D", PlausibleLow = 0.5, PlausibleHigh = 1.5, PlausibleSource = "Hall & Van Reenen 2000: about 1 in the long run, less in the short run")]
    public double RdCostElasticity { get; init; } = 1.0;

    // ---- High-tech enterprise certification (acts only in a scenario with a certification: section) ----
    /// <summary>Least R&amp;D share of revenue of a small firm for certification.</summary>
    [Parameter("share of revenue", 0, 1, "Administrative Measures for the Recognition of High-tech Enterprises (Guo Ke Fa Huo [2016] No. 32), art. 11(5): 5% for revenue of 50 m yuan or less", Description = "certification: least R&D share of revenue of a firm with revenue up to the small-firm revenue", PlausibleLow = 0.04, PlausibleHigh = 0.06, PlausibleSource = "Guo Ke Fa Huo [2008] No. 172 asked 6% of small firms, the 2016 rules 5%; 4% assumed")]
    public double CertificationSmallRdShare { get; init; } = 0.05;
    /// <summary>Least R&amp;D share of revenue of a medium-sized firm for certification.</summary>
    [Parameter("share of revenue", 0, 1, "Guo Ke Fa Huo [2016] No. 32, art. 11(5): 4% for 50 to 200 m yuan of revenue", Description = "certification: least R&D share of revenue of a firm with revenue above the small-firm revenue and up to the large-firm revenue", PlausibleLow = 0.03, PlausibleHigh = 0.05, PlausibleSource = "assumed: the 2008 and 2016 rules' 4% +-1 point")]
    public double CertificationMediumRdShare { get; init; } = 0.04;
    /// <summary>Least R&amp;D share of revenue of a large firm for certification.</summary>
    [Parameter("share of revenue", 0, 1, "Guo Ke Fa Huo [2016] No. 32, art. 11(5): 3% above 200 m yuan of revenue", Description = "certification: least R&D share of revenue of a firm above the large-firm revenue", PlausibleLow = 0.02, PlausibleHigh = 0.04, PlausibleSource = "assumed: the 2008 and 2016 rules' 3% +-1 point")]
    public double CertificationLargeRdShare { get; init; } = 0.03;
    /// <summary>Revenue below which a firm is small for the R&amp;D share rule.</summary>
    [Parameter("bn yuan/yr", 0, 1000, "Guo Ke Fa Huo [2016] No. 32, art. 11(5): 50 m yuan", Description = "certification: revenue up to which the small-firm R&D share applies", PlausibleLow = 0.025, PlausibleHigh = 0.075, PlausibleSource = "assumed: ±50% of the default")]
    public double CertificationSmallRevenue { get; init; } = 0.05;
    /// <summary>Revenue above which a firm is large for the R&amp;D share rule.</summary>
    [Parameter("bn yuan/yr", 0, 1000, "Guo Ke Fa Huo [2016] No. 32, art. 11(5): 200 m yuan", Description = "certification: revenue above which the large-firm R&D share applies (the medium share up to it)", PlausibleLow = 0.1, PlausibleHigh = 0.3, PlausibleSource = "assumed: ±50% of the default")]
    public double CertificationLargeRevenue { get; init; } = 0.2;
    /// <summary>Least share of R&amp;D staff in all staff for certification.</summary>
    [Parameter("share of staff", 0, 1, "Guo Ke Fa Huo [2016] No. 32, art. 11(4): S&T personnel at least 10% of staff", Description = "certification: least share of researchers in a firm's staff", PlausibleLow = 0.05, PlausibleHigh = 0.15, PlausibleSource = "assumed: the 2016 rules' 10% +-5 points")]
    public double CertificationStaffShare { get; init; } = 0.10;
    /// <summary>Years a certificate lasts before it is reviewed.</summary>
    [Parameter("yr", 1, 10, "Guo Ke Fa Huo [2016] No. 32, art. 9: a certificate is valid for three years", Description = "certification: years from certification to review", PlausibleLow = 2, PlausibleHigh = 4, PlausibleSource = "assumed: around the three-year validity of a certificate")]
    public double CertificationReviewYears { get; init; } = 3;
    /// <summary>Corporate income tax rate of a firm that is not certified.</summary>
    [Parameter("share", 0, 0.6, "Enterprise Income Tax Law of the PRC (2007), art. 4: 25%", Description = "standard corporate income tax rate, paid by firms that are not certified", PlausibleLow = 0.2, PlausibleHigh = 0.25, PlausibleSource = "Enterprise Income Tax Law, art. 4 and 28: 25% standard, 20% for small low-profit enterprises")]
    public double StandardTaxRate { get; init; } = 0.25;
    /// <summary>Yearly chance that an eligible firm without a certificate applies and is certified.</summary>
    [Parameter("1/yr", 0, 1, "calibrated to the back-cast's certified counts (docs/SCENARIOS.md 8.7)", Description = "certification: share of eligible firms without a certificate that are certified in a year", PlausibleLow = 0.15, PlausibleHigh = 0.45, PlausibleSource = "assumed: ±50% of the back-cast's calibrated value")]
    public double CertificationApplicationRate { get; init; } = 0.3;
    /// <summary>Revenue per employee, which gives a firm's staff.</summary>
    [Parameter("m yuan/employee", 0.01, 100, "assumed: order of Guangdong's industrial firms above designated size, revenue over employment", Description = "certification: revenue per employee, so a firm's staff is its revenue over this", PlausibleLow = 0.75, PlausibleHigh = 2.25, PlausibleSource = "assumed: ±50% of the default")]
    public double RevenuePerEmployee { get; init; } = 1.5;
    /// <summary>Share of the eligible firms certified at the start.</summary>
    [Parameter("share", 0, 1, "calibrated to the certified count of the start year (docs/SCENARIOS.md 8.7)", Description = "certification: share of the firms meeting the rules at tick 0 that hold a certificate", FixedAtStart = true, PlausibleLow = 0.5, PlausibleHigh = 1, PlausibleSource = "assumed: half to all of the eligible firms (the calibrated default)")]
    public double InitialCertifiedShare { get; init; } = 1;

    // ---- S&T finance ----
    /// <summary>Share of capital a fund invests per year.</summary>
    [Parameter("1/yr", 0, 1, "assumed", Description = "share of its capital a fund invests per year", PlausibleLow = 0.1, PlausibleHigh = 0.3, PlausibleSource = "assumed: a fund invests its capital over three to ten years")]
    public double FundInvestmentRate { get; init; } = 0.2;
    /// <summary>Size of a start-up deal.</summary>
    [Parameter("bn yuan", 0.0001, 100, "assumed: ~50 m yuan per early-stage round", Description = "average start-up deal size", PlausibleLow = 0.025, PlausibleHigh = 0.075, PlausibleSource = "assumed: ±50% of the default")]
    public double DealSize { get; init; } = 0.05;
    /// <summary>Private money raised per yuan of guidance-fund money.</summary>
    [Parameter("1", 0, 20, "assumed: guidance funds commonly lever 3-4x", Description = "leverage of government guidance funds", PlausibleLow = 2, PlausibleHigh = 4, PlausibleSource = "assumed: around the 3-4x guidance funds commonly report")]
    public double GuidanceLeverage { get; init; } = 3;
    /// <summary>Years from investment to exit.</summary>
    [Parameter("yr", 0.25, 15, "assumed", Description = "holding period of a venture investment", FixedAtStart = true, PlausibleLow = 3, PlausibleHigh = 8, PlausibleSource = "assumed: venture holding periods of three to eight years")]
    public double HoldingYears { get; init; } = 5;
    /// <summary>Gross return multiple of a cohort at exit when cluster productivity is flat.</summary>
    [Parameter("multiple", 0, 10, "assumed", Description = "gross exit multiple of a venture cohort when its cluster grows as fast as the region", PlausibleLow = 0.75, PlausibleHigh = 2.25, PlausibleSource = "assumed: ±50% of the default")]
    public double ExitMultiple { get; init; } = 1.5;
    /// <summary>Elasticity of the exit multiple to cluster productivity growth over the holding period.</summary>
    [Parameter("1", 0, 20, "assumed", Description = "elasticity of exit multiples to cluster productivity growth relative to the region", PlausibleLow = 1, PlausibleHigh = 3, PlausibleSource = "assumed: ±50% of the default")]
    public double ExitMultipleElasticity { get; init; } = 2;
    /// <summary>Cash of a spin-off in deals.</summary>
    [Parameter("deals", 0, 100, "assumed", Description = "starting cash of a spin-off, in deal sizes", PlausibleLow = 0.25, PlausibleHigh = 0.75, PlausibleSource = "assumed: ±50% of the default")]
    public double SpinOffCashDeals { get; init; } = 0.5;
    /// <summary>R&amp;D intensity of a spin-off relative to its cluster's.</summary>
    [Parameter("1", 0, 20, "assumed: research-born firms are R&D-heavy", Description = "R&D intensity of a spin-off relative to its cluster's", PlausibleLow = 1, PlausibleHigh = 3, PlausibleSource = "assumed: ±50% of the default")]
    public double SpinOffRdMultiplier { get; init; } = 2;
    /// <summary>Spontaneous entry rate relative to the number of firms.</summary>
    [Parameter("1/yr", 0, 1, "measured from the model: with 0.03 births fell short of the baseline's exits (5%/yr against 6%) and the firm count shrank for eight years while Guangdong's grew; 0.04 balances them at the start", Description = "firms entering without venture money, per live firm", PlausibleLow = 0.03, PlausibleHigh = 0.05, PlausibleSource = "the model's own: 0.03 lets the firm count shrink, 0.04 balances the start's exits; +-0.01")]
    public double BaseEntryRate { get; init; } = 0.04;

    // ---- Talent ----
    /// <summary>Researcher wage in the first simulated year.</summary>
    [Parameter("thousand yuan/yr", 1, 10000, "assumed", Description = "initial researcher wage", FixedAtStart = true, PlausibleLow = 100, PlausibleHigh = 300, PlausibleSource = "assumed: ±50% of the default")]
    public double InitialWage { get; init; } = 200;
    /// <summary>Retirement and exit from research.</summary>
    [Parameter("1/yr", 0, 0.5, "assumed: 35-year careers", Description = "rate at which researchers leave research", PlausibleLow = 0.02, PlausibleHigh = 0.04, PlausibleSource = "assumed: careers of 25 to 50 years")]
    public double ResearcherExitRate { get; init; } = 0.03;
    /// <summary>New researchers per year from universities, per researcher in the pool, at initial funding.</summary>
    [Parameter("1/yr", 0, 1, "assumed: graduates replace exits and grow the pool ~5%/yr", Description = "graduate inflow per researcher at initial funding", PlausibleLow = 0.04, PlausibleHigh = 0.12, PlausibleSource = "assumed: ±50% of the default")]
    public double GraduateRate { get; init; } = 0.08;
    /// <summary>Elasticity of graduate inflow to lab funding.</summary>
    [Parameter("1", 0, 3, "assumed", Description = "elasticity of graduates to lab funding", PlausibleLow = 0.25, PlausibleHigh = 0.75, PlausibleSource = "assumed: ±50% of the default")]
    public double GraduateFundingElasticity { get; init; } = 0.5;
    /// <summary>Researchers recruited per bn yuan of talent-programme money.</summary>
    [Parameter("researchers/bn yuan", 0, 100000, "assumed: ~1 m yuan per recruited researcher", Description = "researchers recruited per bn yuan of talent funding", PlausibleLow = 500, PlausibleHigh = 1500, PlausibleSource = "assumed: ±50% of the default")]
    public double RecruitsPerBn { get; init; } = 1000;
    /// <summary>Speed of wage adjustment to excess demand.</summary>
    [Parameter("1/yr", 0, 5, "assumed", Description = "wage response to excess demand for researchers", PlausibleLow = 0.15, PlausibleHigh = 0.45, PlausibleSource = "assumed: ±50% of the default")]
    public double WageAdjustment { get; init; } = 0.3;
    /// <summary>Largest relative wage change in one tick.</summary>
    [Parameter("share", 0, 1, "assumed: wages are sticky", Description = "largest relative change of the wage in one tick", PlausibleLow = 0.05, PlausibleHigh = 0.15, PlausibleSource = "assumed: ±50% of the default")]
    public double MaxWageStep { get; init; } = 0.1;
    /// <summary>Migration of researchers towards higher wages in related clusters.</summary>
    [Parameter("1/yr", 0, 5, "assumed", Description = "migration rate per unit relative wage gap, scaled by relatedness", PlausibleLow = 0.25, PlausibleHigh = 0.75, PlausibleSource = "assumed: ±50% of the default")]
    public double MigrationRate { get; init; } = 0.5;
    /// <summary>Slack of the initial talent pool over initial demand.</summary>
    [Parameter("share", 0, 1, "assumed", Description = "initial researchers in excess of initial demand", FixedAtStart = true, PlausibleLow = 0.015, PlausibleHigh = 0.045, PlausibleSource = "assumed: ±50% of the default")]
    public double InitialTalentSlack { get; init; } = 0.03;

    // ---- Initial population ----
    /// <summary>Dispersion of initial log firm size above the median.</summary>
    [Parameter("1", 0, 4, "assumed: right-skewed, lognormal-like firm sizes (Axtell 2001)", Description = "s.d. of initial log firm size above the median", FixedAtStart = true, PlausibleLow = 1, PlausibleHigh = 3, PlausibleSource = "assumed: ±50% of the default")]
    public double InitialSizeDispersion { get; init; } = 2.0;
    /// <summary>Dispersion of initial log firm size below the median.</summary>
    [Parameter("1", 0, 4, "the model's own: the lower half of the log-size distribution that the baseline settles to within two decades", Description = "s.d. of initial log firm size below the median", FixedAtStart = true, PlausibleLow = 0.8, PlausibleHigh = 2.4, PlausibleSource = "assumed: ±50% of the default")]
    public double InitialSmallSizeDispersion { get; init; } = 1.6;
    /// <summary>Dispersion of initial log productivity.</summary>
    [Parameter("1", 0, 2, "assumed; persistent dispersion (Syverson 2011)", Description = "s.d. of log productivity of initial firms and of ordinary entrants around the cluster's", PlausibleLow = 0.25, PlausibleHigh = 0.6, PlausibleSource = "Syverson 2011: a 90-10 productivity ratio of ~2 within US industries (log s.d. ~0.27), wider in China (Hsieh & Klenow 2009)")]
    public double InitialProductivityDispersion { get; init; } = 0.35;
    /// <summary>Dispersion of firms' R&amp;D intensity around their cluster's.</summary>
    [Parameter("1", 0, 3, "assumed", Description = "s.d. of log R&D intensity around the cluster's, for initial firms and entrants", PlausibleLow = 0.25, PlausibleHigh = 0.75, PlausibleSource = "assumed: ±50% of the default")]
    public double RdIntensityDispersion { get; init; } = 0.5;
    /// <summary>How much less of its revenue a larger firm spends on R&amp;D, set at its start (initial firms and entrants).</summary>
    [Parameter("1", 0, 1, "assumed 0 (intensity independent of size); the back-cast calibrates it (docs/SCENARIOS.md 8.7): the certification rules' own premise is that small technology firms spend a larger share of revenue on R&D (5%, 4%, 3% by size)", Description = "elasticity of a firm's R&D intensity to its size when it starts, initial firm or entrant (negative sign applied), the initial firms' revenue-weighted intensity kept at the cluster's", FixedAtStart = true, PlausibleLow = 0, PlausibleHigh = 0.8, PlausibleSource = "assumed: from intensity independent of size (0) to strongly falling with size; the back-cast fits 0.5 (docs/SCENARIOS.md 8.7)")]
    public double RdIntensitySizeElasticity { get; init; } = 0;
    /// <summary>Dispersion of entrants' size.</summary>
    [Parameter("1", 0, 3, "assumed", Description = "s.d. of log size of entrants", PlausibleLow = 0.25, PlausibleHigh = 0.75, PlausibleSource = "assumed: ±50% of the default")]
    public double EntrantSizeDispersion { get; init; } = 0.5;
    /// <summary>Oldest initial firm.</summary>
    [Parameter("yr", 0, 100, "assumed: initial ages uniform up to this", Description = "initial firm ages are uniform between zero and this", FixedAtStart = true, PlausibleLow = 10, PlausibleHigh = 30, PlausibleSource = "assumed: ±50% of the default")]
    public double InitialMaxAgeYears { get; init; } = 20;
    /// <summary>How public money follows cluster size.</summary>
    [Parameter("1", 0, 2, "assumed: large clusters get more, but less than proportionally", Description = "elasticity of a cluster's share of public money to its start-year revenue", FixedAtStart = true, PlausibleLow = 0.25, PlausibleHigh = 0.75, PlausibleSource = "assumed: ±50% of the default")]
    public double ClusterKeyRevenueElasticity { get; init; } = 0.5;
    /// <summary>Initial cash in years of sales.</summary>
    [Parameter("yr of sales", 0, 10, "assumed", Description = "cash of initial firms and of spontaneous entrants, in years of their sales", PlausibleLow = 0.15, PlausibleHigh = 0.45, PlausibleSource = "assumed: ±50% of the default")]
    public double InitialCashYears { get; init; } = 0.3;
    /// <summary>Initial R&amp;D stock in years of R&amp;D spending.</summary>
    [Parameter("yr of R&D", 0, 20, "steady state of 15%/yr depreciation with ~5%/yr growth: 1/(0.15+0.05)", Description = "initial R&D stock in years of R&D spending", FixedAtStart = true, PlausibleLow = 3, PlausibleHigh = 7, PlausibleSource = "1/(depreciation + growth) over depreciation of 10-30%/yr and growth of ~5%/yr")]
    public double InitialRdStockYears { get; init; } = 5;
    /// <summary>Entrant size relative to the average firm.</summary>
    [Parameter("share of mean", 0.0001, 10, "assumed: entrants are small", Description = "size of an entrant relative to the average firm", PlausibleLow = 0.05, PlausibleHigh = 0.15, PlausibleSource = "assumed: ±50% of the default")]
    public double EntrantRelativeSize { get; init; } = 0.1;
}
