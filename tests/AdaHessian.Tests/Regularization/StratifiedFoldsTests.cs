using AdaHessian.Regularization;

namespace AdaHessian.Tests.Regularization;

public class StratifiedFoldsTests
{
    [Fact]
    public void EveryRowIsHeldOutOnceAndEachFoldHoldsEachClassInItsShare()
    {
        var random = new Random(4);
        int[] classes = Enumerable.Range(0, 1001).Select(_ => random.NextDouble() < 0.2 ? 1 : 0).ToArray();
        int[] fold = StratifiedFolds.Assign(classes, folds: 5, seed: 7);
        var heldOut = new List<int>();
        for (int k = 0; k < 5; k++)
        {
            (int[] train, int[] held) = StratifiedFolds.Split(fold, k);
            Assert.Empty(train.Intersect(held));
            Assert.Equal(classes.Length, train.Length + held.Length);
            heldOut.AddRange(held);
            for (int c = 0; c < 2; c++)
            {
                int inClass = classes.Count(x => x == c);
                int inFold = held.Count(i => classes[i] == c);
                Assert.InRange(inFold, inClass / 5 - 1, inClass / 5 + 1);
            }
        }

        Assert.Equal(Enumerable.Range(0, classes.Length), heldOut.Order());
    }

    [Fact]
    public void TheSeedAloneDecidesTheFolds()
    {
        int[] classes = Enumerable.Range(0, 200).Select(i => i % 3).ToArray();
        Assert.Equal(StratifiedFolds.Assign(classes, 4, seed: 1), StratifiedFolds.Assign(classes, 4, seed: 1));
        Assert.NotEqual(StratifiedFolds.Assign(classes, 4, seed: 1), StratifiedFolds.Assign(classes, 4, seed: 2));
    }
}
