namespace Dangjian.Core.Features.Dues;

/// <summary>How amounts leave Core: always two decimals (76.50, not 76.5), whichever database they came from.</summary>
public static class DuesMoney
{
    /// <summary>Adding 0.00m gives the decimal a scale of at least two without changing its value.</summary>
    public static decimal Fen(decimal amount) => DuesCalculator.RoundToFen(amount) + 0.00m;

    /// <summary>Paid ÷ due as a percentage with one decimal (87.5); null when nothing was due.</summary>
    public static decimal? Rate(decimal paid, decimal due) => due == 0 ? null : Math.Round(paid * 100m / due, 1, MidpointRounding.AwayFromZero);
}
