package org.fedgate.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fedgate.audit.verify.Rfc9162;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  // RFC 6962 known-answer data as published by certificate-transparency / transparency-dev merkle
  // (testonly constants): eight leaves and the root of every prefix.
  private static final String[] LEAVES = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };
  private static final String[] ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  private static MerkleTree referenceTree() {
    MerkleTree t = new MerkleTree();
    for (String leaf : LEAVES) {
      t.appendLeafHash(TreeHasher.leaf(HEX.parseHex(leaf)));
    }
    return t;
  }

  @Test
  void rootHash_rfc6962Vectors_matchEveryPrefix() {
    MerkleTree t = referenceTree();
    for (int n = 0; n <= 8; n++) {
      assertThat(HEX.formatHex(t.rootHash(n))).as("size %d", n).isEqualTo(ROOTS[n]);
    }
  }

  @Test
  void inclusionProof_rfc6962Vectors_matchPublishedPaths() {
    MerkleTree t = referenceTree();
    assertThat(hex(t.inclusionProof(0, 8)))
        .containsExactly(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hex(t.inclusionProof(5, 8)))
        .containsExactly(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
  }

  @Test
  void consistencyProof_rfc6962Vectors_matchPublishedProofs() {
    MerkleTree t = referenceTree();
    assertThat(hex(t.consistencyProof(2, 8)))
        .containsExactly(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hex(t.consistencyProof(6, 8)))
        .containsExactly(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(
            Rfc9162.verifyConsistency(
                6, 8, t.consistencyProof(6, 8), HEX.parseHex(ROOTS[6]), HEX.parseHex(ROOTS[8])))
        .isTrue();
  }

  @Test
  void inclusionProof_indexOutsideTree_isRefused() {
    MerkleTree t = referenceTree();
    assertThatThrownBy(() -> t.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.rootHash(9)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 60)
  void treeAndProofs_randomSizes_agreeWithNaiveRecomputation(
      @ForAll @IntRange(min = 1, max = 300) int size,
      @ForAll @IntRange(min = 0, max = 10_000) int seed) {
    List<byte[]> leaves = new ArrayList<>();
    MerkleTree t = new MerkleTree();
    for (int i = 0; i < size; i++) {
      byte[] leaf = TreeHasher.leaf(new byte[] {(byte) i, (byte) (i >> 8), (byte) seed});
      leaves.add(leaf);
      t.appendLeafHash(leaf);
    }
    java.util.Random rnd = new java.util.Random(seed);
    int n = 1 + rnd.nextInt(size);
    int m = rnd.nextInt(n);
    int first = rnd.nextInt(n + 1);
    byte[] root = naiveRoot(leaves.subList(0, n));
    assertThat(t.rootHash(n)).isEqualTo(root);
    List<byte[]> path = t.inclusionProof(m, n);
    assertThat(hex(path)).isEqualTo(hex(naivePath(m, leaves.subList(0, n))));
    assertThat(Rfc9162.verifyInclusion(m, n, leaves.get(m), path, root)).isTrue();
    List<byte[]> cons = t.consistencyProof(first, n);
    byte[] firstRoot = naiveRoot(leaves.subList(0, first));
    assertThat(Rfc9162.verifyConsistency(first, n, cons, firstRoot, root)).isTrue();
    // and nothing else verifies: a wrong leaf, index or root fails
    assertThat(Rfc9162.verifyInclusion(m, n, TreeHasher.leaf(new byte[] {9, 9}), path, root))
        .isFalse();
    if (n > 1) {
      assertThat(Rfc9162.verifyInclusion((m + 1) % n, n, leaves.get(m), path, root)).isFalse();
    }
    if (first > 0 && first < n) {
      byte[] wrong = Arrays.copyOf(firstRoot, 32);
      wrong[0] ^= 1;
      assertThat(Rfc9162.verifyConsistency(first, n, cons, wrong, root)).isFalse();
    }
    // the streaming accumulator the store verifier uses agrees too
    Rfc9162.RootAccumulator acc = new Rfc9162.RootAccumulator();
    leaves.subList(0, n).forEach(acc::add);
    assertThat(acc.root()).isEqualTo(root);
  }

  @Property(tries = 80)
  void compactTree_anySize_givesTheSameLeavesRootsAndProofsAsTheWholeTree(
      @ForAll @IntRange(min = 1, max = 5) int low,
      @ForAll @IntRange(min = 1, max = 200) int size,
      @ForAll @IntRange(min = 0, max = 10_000) int seed) {
    List<byte[]> leaves = new ArrayList<>();
    int[] reads = {0};
    MerkleTree.LeafSource source =
        (from, to, sink) -> {
          reads[0]++;
          for (long i = from; i < to; i++) {
            sink.accept(leaves.get((int) i).clone());
          }
        };
    MerkleTree whole = new MerkleTree();
    MerkleTree compact = new MerkleTree(low, source);
    for (int i = 0; i < size; i++) {
      byte[] leaf = TreeHasher.leaf(new byte[] {(byte) i, (byte) (i >> 8), (byte) seed});
      leaves.add(leaf);
      whole.appendLeafHash(leaf);
      compact.appendLeafHash(leaf);
    }
    // appending and the current root never read the store
    assertThat(compact.rootHash(size)).isEqualTo(whole.rootHash(size));
    assertThat(reads[0]).isZero();
    assertThat(compact.size()).isEqualTo(size);
    java.util.Random rnd = new java.util.Random(seed);
    for (int trial = 0; trial < 5; trial++) {
      int n = 1 + rnd.nextInt(size);
      int m = rnd.nextInt(n);
      int first = rnd.nextInt(n + 1);
      assertThat(compact.leafHash(m)).isEqualTo(whole.leafHash(m));
      assertThat(compact.rootHash(n)).isEqualTo(whole.rootHash(n));
      assertThat(hex(compact.inclusionProof(m, n))).isEqualTo(hex(whole.inclusionProof(m, n)));
      assertThat(hex(compact.consistencyProof(first, n)))
          .isEqualTo(hex(whole.consistencyProof(first, n)));
    }
  }

  @Test
  void compactTree_sourceShort_isAnError_notAWrongHash() {
    MerkleTree t = new MerkleTree(2, (from, to, sink) -> sink.accept(new byte[32]));
    for (int i = 0; i < 9; i++) {
      t.appendLeafHash(TreeHasher.leaf(new byte[] {(byte) i}));
    }
    assertThatThrownBy(() -> t.inclusionProof(0, 9)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new MerkleTree(0, (from, to, sink) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // RFC 6962 section 2.1, literally
  private static byte[] naiveRoot(List<byte[]> d) {
    if (d.isEmpty()) {
      return TreeHasher.emptyRoot();
    }
    if (d.size() == 1) {
      return d.get(0);
    }
    int k = Integer.highestOneBit(d.size() - 1);
    return TreeHasher.node(naiveRoot(d.subList(0, k)), naiveRoot(d.subList(k, d.size())));
  }

  private static List<byte[]> naivePath(int m, List<byte[]> d) {
    List<byte[]> out = new ArrayList<>();
    if (d.size() <= 1) {
      return out;
    }
    int k = Integer.highestOneBit(d.size() - 1);
    if (m < k) {
      out.addAll(naivePath(m, d.subList(0, k)));
      out.add(naiveRoot(d.subList(k, d.size())));
    } else {
      out.addAll(naivePath(m - k, d.subList(k, d.size())));
      out.add(naiveRoot(d.subList(0, k)));
    }
    return out;
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }
}
