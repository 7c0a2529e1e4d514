namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// The primitive polynomials and initial direction numbers of the Sobol sequence for dimensions 2 to
/// <see cref="Dimensions"/>, from S. Joe and F. Y. Kuo's table "new-joe-kuo-6.21201" (Joe and Kuo,
/// "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30,
/// 2635-2654, 2008; https://web.maths.unsw.edu.au/~fkuo/sobol/). Only the first rows are kept: a
/// Saltelli design of k parameters needs 2k dimensions, and EcoSim's designs stop at
/// <see cref="SensitivityLimits.MaxParameters"/> parameters. Dimension 1 is not in the table: all its
/// direction numbers are 1 (the van der Corput sequence in base 2).
/// </summary>
internal static class JoeKuoDirectionNumbers
{
    /// <summary>The number of dimensions the table covers, dimension 1 included.</summary>
    public static int Dimensions => Rows.Length + 1;

    /// <summary>One row: the coefficients <c>a</c> of the primitive polynomial of degree <c>s = M.Length</c> (its inner coefficients as bits) and the initial direction numbers m_1..m_s.</summary>
    /// <param name="A">The polynomial's inner coefficients, the highest first, as the bits of an integer.</param>
    /// <param name="M">The initial direction numbers; m_j is odd and below 2^j.</param>
    public readonly record struct Row(uint A, uint[] M);

    /// <summary>Rows for dimensions 2, 3, ... in the table's order.</summary>
    public static readonly Row[] Rows =
    [
        new(0, [1]), // d=2, s=1
        new(1, [1, 3]), // d=3, s=2
        new(1, [1, 3, 1]), // d=4, s=3
        new(2, [1, 1, 1]), // d=5, s=3
        new(1, [1, 1, 3, 3]), // d=6, s=4
        new(4, [1, 3, 5, 13]), // d=7, s=4
        new(2, [1, 1, 5, 5, 17]), // d=8, s=5
        new(4, [1, 1, 5, 5, 5]), // d=9, s=5
        new(7, [1, 1, 7, 11, 19]), // d=10, s=5
        new(11, [1, 1, 5, 1, 1]), // d=11, s=5
        new(13, [1, 1, 1, 3, 11]), // d=12, s=5
        new(14, [1, 3, 5, 5, 31]), // d=13, s=5
        new(1, [1, 3, 3, 9, 7, 49]), // d=14, s=6
        new(13, [1, 1, 1, 15, 21, 21]), // d=15, s=6
        new(16, [1, 3, 1, 13, 27, 49]), // d=16, s=6
        new(19, [1, 1, 1, 15, 7, 5]), // d=17, s=6
        new(22, [1, 3, 1, 15, 13, 25]), // d=18, s=6
        new(25, [1, 1, 5, 5, 19, 61]), // d=19, s=6
        new(1, [1, 3, 7, 11, 23, 15, 103]), // d=20, s=7
        new(4, [1, 3, 7, 13, 13, 15, 69]), // d=21, s=7
        new(7, [1, 1, 3, 13, 7, 35, 63]), // d=22, s=7
        new(8, [1, 3, 5, 9, 1, 25, 53]), // d=23, s=7
        new(14, [1, 3, 1, 13, 9, 35, 107]), // d=24, s=7
        new(19, [1, 3, 1, 5, 27, 61, 31]), // d=25, s=7
        new(21, [1, 1, 5, 11, 19, 41, 61]), // d=26, s=7
        new(28, [1, 3, 5, 3, 3, 13, 69]), // d=27, s=7
        new(31, [1, 1, 7, 13, 1, 19, 1]), // d=28, s=7
        new(32, [1, 3, 7, 5, 13, 19, 59]), // d=29, s=7
        new(37, [1, 1, 3, 9, 25, 29, 41]), // d=30, s=7
        new(41, [1, 3, 5, 13, 23, 1, 55]), // d=31, s=7
        new(42, [1, 3, 7, 3, 13, 59, 17]), // d=32, s=7
        new(50, [1, 3, 1, 3, 5, 53, 69]), // d=33, s=7
        new(55, [1, 1, 5, 5, 23, 33, 13]), // d=34, s=7
        new(56, [1, 1, 7, 7, 1, 61, 123]), // d=35, s=7
        new(59, [1, 1, 7, 9, 13, 61, 49]), // d=36, s=7
        new(62, [1, 3, 3, 5, 3, 55, 33]), // d=37, s=7
        new(14, [1, 3, 1, 15, 31, 13, 49, 245]), // d=38, s=8
        new(21, [1, 3, 5, 15, 31, 59, 63, 97]), // d=39, s=8
        new(22, [1, 3, 1, 11, 11, 11, 77, 249]), // d=40, s=8
        new(38, [1, 3, 1, 11, 27, 43, 71, 9]), // d=41, s=8
        new(47, [1, 1, 7, 15, 21, 11, 81, 45]), // d=42, s=8
        new(49, [1, 3, 7, 3, 25, 31, 65, 79]), // d=43, s=8
        new(50, [1, 3, 1, 1, 19, 11, 3, 205]), // d=44, s=8
    ];
}
