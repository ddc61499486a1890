using AdaHessian.Study.Experiments.SeedReplication;

namespace AdaHessian.Study.Tests.Experiments;

public class SettledEpochsTests
{
    [Fact]
    public void Settled_is_the_first_epoch_from_which_the_loss_stays_in_the_band()
    {
        double[] loss = [10, 5, 2, 1.05, 1.02, 1];

        Assert.Equal(3, SettledEpochs.Settled(loss, 0.06));
        Assert.Equal(0, SettledEpochs.Settled(loss, 100));
        Assert.Equal(5, SettledEpochs.Settled(loss, 0));
    }

    [Fact]
    public void Stable_bands_on_the_final_loss_and_Plateau_on_the_total_decrease()
    {
        // Final loss 1: the stable band is 0.01; the total decrease is 9, so the plateau band is 0.09.
        double[] loss = [10, 5, 1.08, 1.02, 1.005, 1];

        Assert.Equal(4, SettledEpochs.Stable(loss));
        Assert.Equal(2, SettledEpochs.Plateau(loss));
    }

    [Theory]
    [InlineData(150, 175, true)]
    [InlineData(125, 200, true)]
    [InlineData(124, 175, false)]
    [InlineData(150, 201, false)]
    [InlineData(170, 160, false)]
    public void The_claim_needs_both_epochs_near_their_claimed_values_and_AdaHessian_first(int adaHessian, int adam, bool holds) =>
        Assert.Equal(holds, StabilisationClaim.Holds(adaHessian, adam));
}
