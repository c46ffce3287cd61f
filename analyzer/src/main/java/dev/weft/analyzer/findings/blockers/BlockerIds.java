package dev.weft.analyzer.findings.blockers;

import com.google.common.collect.ImmutableList;

/** Every blocker id the analyzer can report, in documentation order. Ids are stable. */
public final class BlockerIds {

  public static final ImmutableList<String> ALL =
      ImmutableList.of(
      LoopCarriedDependence.ID,
      WritesSharedField.ID,
      CallsImpureMethod.ID,
      CallsUnknownMethod.ID,
      IoInRegion.ID,
      Synchronization.ID,
      EarlyExit.ID,
      NonCanonicalLoop.ID,
      MayAlias.ID,
      FloatingPointReduction.ID,
      TooLittleWork.ID,
      ThrowsException.ID,
      UnresolvedSymbol.ID,
      OverlappingEffects.ID);

  private BlockerIds() {}
}
