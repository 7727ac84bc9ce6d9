"""The Processing provider: every algorithm of the plugin, under `programmakamer:`."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..translation import tr
from .add_stakeholder import AddStakeholder
from .algorithm import ICON
from .analyse_programme import AnalyseProgramme
from .assign_horizons import AssignHorizons
from .copy_programme import CopyProgramme
from .create_programme import CreateProgramme
from .export_action_lists import ExportActionLists
from .export_programme import ExportProgramme
from .find_ambitions import FindAmbitions
from .find_clashes import FindClashes
from .find_combine_chances import FindCombineChances
from .find_hotspots import FindHotspots
from .find_moratorium_breaches import FindMoratoriumBreaches
from .find_sequence_errors import FindSequenceErrors
from .grant_login import GrantLogin
from .import_delivery import ImportDelivery
from .publish_programme import PublishProgramme


class ProgrammakamerProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "programmakamer"

    def name(self) -> str:
        return tr("Integrale Programmakamer")

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def loadAlgorithms(self) -> None:
        for algorithm in (
            CreateProgramme(),
            CopyProgramme(),
            GrantLogin(),
            AddStakeholder(),
            ImportDelivery(),
            AssignHorizons(),
            AnalyseProgramme(),
            FindCombineChances(),
            FindClashes(),
            FindSequenceErrors(),
            FindMoratoriumBreaches(),
            FindAmbitions(),
            FindHotspots(),
            ExportProgramme(),
            ExportActionLists(),
            PublishProgramme(),
        ):
            self.addAlgorithm(algorithm)
