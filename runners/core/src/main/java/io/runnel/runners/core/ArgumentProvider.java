package io.runnel.runners.core;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import java.time.Instant;

/**
 * What a {@link DoFnInvoker} injects into annotated {@code DoFn} methods. One provider serves
 * every call of a runner; methods are called only for parameters the method declares.
 */
public interface ArgumentProvider<InputT, OutputT> {
  InputT element();

  Instant timestamp();

  BoundedWindow window();

  PaneInfo paneInfo();

  DoFn.OutputReceiver<OutputT> outputReceiver();

  DoFn.MultiOutputReceiver multiOutputReceiver();

  DoFn<InputT, OutputT>.ProcessContext processContext();

  DoFn<InputT, OutputT>.StartBundleContext startBundleContext();

  DoFn<InputT, OutputT>.FinishBundleContext finishBundleContext();

  PipelineOptions pipelineOptions();

  /** The side input registered under {@code id}, in the current element's window. */
  Object sideInput(String id);
}
