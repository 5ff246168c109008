package io.runnel.sdk.portable;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.transforms.ViewFn;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PCollectionViews;
import io.runnel.sdk.values.TupleTag;

/**
 * Rebuilds side-input views exactly: the {@code CreatePCollectionView} primitive for a given view
 * function, and a view that keeps its original tag. The tag matters because user functions that
 * captured the view find it among a ParDo's side inputs by tag equality.
 */
final class ViewConstruction {
  private ViewConstruction() {}

  /** The primitive that makes a collection readable as a side input through {@code viewFn}. */
  static View.CreatePCollectionView<?, ?> createViewTransform(ViewFn<?, ?> viewFn) {
    return View.CreatePCollectionView.of(viewFn);
  }

  /** A view of {@code pc} through {@code viewFn} whose tag has id {@code tagId}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static PCollectionView<?> view(PCollection<?> pc, ViewFn<?, ?> viewFn, String tagId) {
    return PCollectionViews.of((PCollection) pc, (ViewFn) viewFn, (Coder) pc.getCoder(),
        new TupleTag<>(tagId));
  }
}
