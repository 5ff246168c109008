package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The capability tags are JUnit tags a runner can exclude: each {@code Uses...} annotation
 * carries the tag of its own name (and of the capabilities it implies), as JUnit reads tags.
 */
class CapabilityTagsTest {
  @UsesMapState
  private static final class MapStateTest {}

  @UsesTestStream
  @UsesSideInputs
  private static final class TwoCapabilitiesTest {}

  private static List<String> tagsOf(Class<?> annotated) {
    return AnnotationSupport.findRepeatableAnnotations(annotated, Tag.class).stream()
        .map(Tag::value).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Class<? extends Annotation>> capabilityTags() {
    return ReflectionSupport.findAllClassesInPackage("io.runnel.testing",
            c -> c.isAnnotation() && c.getSimpleName().startsWith("Uses"), name -> true).stream()
        .<Class<? extends Annotation>>map(c -> (Class<? extends Annotation>) c).toList();
  }

  @Test
  void everyCapabilityAnnotationCarriesTheTagOfItsOwnNameAndIsReadAtRunTime() {
    List<Class<? extends Annotation>> tags = capabilityTags();

    assertThat(tags).hasSizeGreaterThanOrEqualTo(20);
    for (Class<? extends Annotation> tag : tags) {
      assertThat(AnnotationSupport.findRepeatableAnnotations(tag, Tag.class))
          .as(tag.getSimpleName()).extracting(Tag::value).startsWith(tag.getSimpleName());
      assertThat(tag.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
      assertThat(tag.getAnnotation(Target.class).value())
          .containsExactlyInAnyOrder(ElementType.TYPE, ElementType.METHOD);
    }
  }

  @Test
  void aTagOfAMoreSpecificCapabilityAlsoCarriesTheCapabilityItImplies() {
    assertThat(tagsOf(MapStateTest.class))
        .containsExactlyInAnyOrder("UsesMapState", "UsesStatefulParDo");
  }

  @Test
  void aTestTaggedTwiceCarriesBothTags() {
    assertThat(tagsOf(TwoCapabilitiesTest.class))
        .containsExactlyInAnyOrder("UsesTestStream", "UsesSideInputs");
  }
}
