package io.runnel.sdk.portable;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.transforms.ViewFn;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PCollectionViews;
import io.runnel.sdk.values.TupleTag;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

/**
 * Rebuilds side-input views exactly: the {@code CreatePCollectionView} primitive for a given view
 * function, and a view that keeps its original tag. The tag matters because user functions that
 * captured the view find it among a ParDo's side inputs by tag equality.
 *
 * <p>The SDK offers neither a public constructor of {@code View.CreatePCollectionView} nor a way
 * to choose a view's tag, so both are done reflectively here, confined to this class. Once
 * {@code View.CreatePCollectionView.of(ViewFn)} and {@code PCollectionViews.of(pc, fn, coder,
 * tag)} exist, this class should call them instead.
 */
final class ViewConstruction {
  private ViewConstruction() {}

  /** The primitive that makes a collection readable as a side input through {@code viewFn}. */
  static View.CreatePCollectionView<?, ?> createViewTransform(ViewFn<?, ?> viewFn) {
    try {
      Constructor<?> constructor =
          View.CreatePCollectionView.class.getDeclaredConstructor(ViewFn.class);
      constructor.setAccessible(true);
      return (View.CreatePCollectionView<?, ?>) constructor.newInstance(viewFn);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Cannot construct View.CreatePCollectionView; the SDK's"
          + " View class changed and io.runnel.sdk.portable.ViewConstruction must follow", e);
    }
  }

  /** A view of {@code pc} through {@code viewFn} whose tag has id {@code tagId}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static PCollectionView<?> view(PCollection<?> pc, ViewFn<?, ?> viewFn, String tagId) {
    PCollectionView<?> view = PCollectionViews.of((PCollection) pc, (ViewFn) viewFn, (Coder) pc.getCoder());
    if (view.getTagInternal().getId().equals(tagId)) {
      return view;
    }
    try {
      Field tag = view.getClass().getDeclaredField("tag");
      tag.setAccessible(true);
      tag.set(view, new TupleTag<>(tagId));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Cannot give a rebuilt view its tag; the SDK's"
          + " PCollectionViews class changed and io.runnel.sdk.portable.ViewConstruction must"
          + " follow", e);
    }
    return view;
  }
}
