"""programmakamer:findambitions: works that can carry an ambition, on any layers."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from .rule_algorithm import WorkLayerRuleAlgorithm, given_text


class FindAmbitions(WorkLayerRuleAlgorithm):
    NAME = "findambitions"
    CHALLENGES, CHALLENGE_ID_FIELD, CHALLENGE_TITLE_FIELD = (
        "CHALLENGES",
        "CHALLENGE_ID_FIELD",
        "CHALLENGE_TITLE_FIELD",
    )
    FIELD_PARAMETERS = tuple(
        p for p in WorkLayerRuleAlgorithm.FIELD_PARAMETERS if p[0] != "SURFACE_FIELD"
    )

    def displayName(self) -> str:
        return self.tr("Find ambitions that can ride along")

    def shortHelpString(self) -> str:
        return "\n\n".join(
            (
                self.tr(
                    "Waardecreatie: a work that opens the ground or renews the surface and "
                    "intersects a challenge area (heat stress, flooding, energy transition…): "
                    "a chance to add the ambition's measures while the street is open anyway. "
                    "Gives the length (lines) or area (polygons) inside the area. Severity = "
                    "length / 100 m, or area / 1 ha."
                ),
                self.tr(
                    "Challenges: polygons; id and title fields are optional (default: the "
                    "feature id)."
                ),
                self.field_help(),
            )
        )

    def add_rule_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CHALLENGES, self.tr("Challenge areas"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CHALLENGE_ID_FIELD,
                self.tr("Challenge id field"),
                "challenge_id",
                self.CHALLENGES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CHALLENGE_TITLE_FIELD,
                self.tr("Challenge title field"),
                "title",
                self.CHALLENGES,
                optional=True,
            )
        )

    def find(self, works, settings, parameters, context, feedback, crs):
        import numpy as np

        from ..core.rules import Challenges, find_ambitions
        from ..core.works import valid_geometries

        source = self.parameterAsSource(parameters, self.CHALLENGES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CHALLENGES))
        wanted = {
            "id": self.optional_field(parameters, self.CHALLENGE_ID_FIELD, context, source),
            "title": self.optional_field(parameters, self.CHALLENGE_TITLE_FIELD, context, source),
        }
        read = self.read_layer(parameters, context, feedback, self.CHALLENGES, crs, wanted)
        if read is None:
            return None
        rows, geometries = read
        ids = np.array([given_text(r["id"]) or "c{}".format(r["_fid"]) for r in rows], dtype=object)
        titles = np.array([given_text(r["title"]) or i for r, i in zip(rows, ids)], dtype=object)
        challenges = Challenges(ids, titles, valid_geometries(geometries)[0])
        return find_ambitions(works, challenges, settings)
